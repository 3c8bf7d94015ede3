import type ts from 'typescript';
import { FORM_FIELDS_KEY } from '../../../model/keys.js';
import type { FormField, FormParameter } from '../../../model/model.js';
import { issueAt } from '../issues.js';
import { includesUndefined, isFormData } from './convert.js';
import { declaredInLibrary } from './naming.js';
import { propertiesInSourceOrder } from './source-order.js';
import { pathText, type TypeContext } from './type-context.js';

/** A form parameter: the platform's FormData, or `FormFields<T>` (FormData and the marker that carries `T`). */
export function isFormParameterType(context: TypeContext, type: ts.Type): boolean {
  if (isFormData(type)) return true;
  return Boolean(type.flags & context.ts.TypeFlags.Intersection) && (type as ts.IntersectionType).types.some((member) => isFormData(member));
}

/** The form parameter of an action: its declared fields when its type is `FormFields<T>`. */
export function formParameter(context: TypeContext, name: string, optional: boolean, type: ts.Type): FormParameter {
  const form: FormParameter = { name, optional };
  const fields = declaredFields(context, type);
  if (fields !== undefined) form.fields = fields;
  return form;
}

function declaredFields(context: TypeContext, type: ts.Type): FormField[] | undefined {
  const { checker } = context;
  if (!(type.flags & context.ts.TypeFlags.Intersection)) return undefined;
  const marker = checker.getPropertiesOfType(type).find((property) => property.getName() === FORM_FIELDS_KEY);
  if (marker === undefined) return undefined;
  const fieldsType = checker.getNonNullableType(checker.getTypeOfSymbol(marker));
  const fields: FormField[] = [];
  for (const property of propertiesInSourceOrder(checker.getPropertiesOfType(fieldsType))) {
    const name = property.getName();
    const propertyType = checker.getTypeOfSymbol(property);
    const optional = Boolean(property.flags & context.ts.SymbolFlags.Optional) || includesUndefined(context, propertyType);
    const field = formField(context, name, optional, checker.getNonNullableType(propertyType));
    if (field) fields.push(field);
  }
  return fields;
}

type FieldValue = Pick<FormField, 'kind' | 'values'>;

function formField(context: TypeContext, name: string, optional: boolean, type: ts.Type): FormField | undefined {
  const { checker } = context;
  const problem = (why: string): undefined => {
    context.issues.push(
      issueAt(
        context.site,
        'actionwire/unsupported-form-field',
        `${pathText(context, '')} declares the form field '${name}' as '${checker.typeToString(type)}': ${why}`,
      ),
    );
    return undefined;
  };
  if (name.startsWith('$')) return problem('field names starting with $ belong to the protocol ($bound, $action); rename it');
  if (name.startsWith('__@')) return problem('a form field is named by a string');
  if (checker.isArrayType(type)) {
    const [items] = checker.getTypeArguments(type as ts.TypeReference);
    const value = items && fieldValue(context, items);
    return value ? { name, ...value, repeated: true, optional } : problem('a repeated field holds text (string or string literals) or files (File, Blob)');
  }
  const value = fieldValue(context, type);
  return value ? { name, ...value, repeated: false, optional } : problem('a form field holds text (string or string literals), a file (File, Blob), or an array of either');
}

/** One value of a field: text, text out of a literal union, or a file. */
function fieldValue(context: TypeContext, type: ts.Type): FieldValue | undefined {
  const F = context.ts.TypeFlags;
  if (type.flags & F.String) return { kind: 'text' };
  const members = type.flags & F.Union ? (type as ts.UnionType).types : [type];
  if (members.every((member) => member.flags & F.StringLiteral)) {
    // sorted: TypeScript 7 lists a literal union's members by value, TypeScript 6 in the order it met them
    const values = members.map((member) => (member as ts.StringLiteralType).value).sort();
    return { kind: 'text', values };
  }
  if (members.every((member) => isFile(member))) return { kind: 'file' };
  return undefined;
}

function isFile(type: ts.Type): boolean {
  const symbol = type.getSymbol();
  return (symbol?.getName() === 'File' || symbol?.getName() === 'Blob') && declaredInLibrary(symbol);
}
