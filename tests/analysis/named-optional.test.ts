import { analyzeFixture, fixtureProgram, typeErrors } from '../helpers/analysis-program.js';
import type { TypeNode } from '../../model/model.js';

/** Named types behind optionality, `| undefined` and `| null`: the checker flattens them into unions of literals. */
const enums = `export enum Role { Admin = 'admin', Member = 'member' }
export enum Level { Low, High = 10 }
`;
const source = `'use server';
import { Role, Level } from './enums.js';
export type Status = 'open' | 'closed';
export interface Profile { name: string }
export interface Member {
  role?: Role;
  roleOrUndefined: Role | undefined;
  roleOrNull: Role | null;
  optionalRoleOrNull?: Role | null;
  level?: Level;
  status?: Status;
  statusOrUndefined: Status | undefined;
  statusOrNull?: Status | null;
  roles: (Role | null)[];
  profile?: Profile;
  onlyAdmin?: Role.Admin;
  adminOrOpen?: Role.Admin | 'open';
}
export type Partly = Partial<{ role: Role; status: Status }>;
export async function update(member: Member, partly: Partly, status: Status | undefined, role?: Role, nullable?: Status | null): Promise<Role | undefined> {
  return member.role ?? partly.role ?? (status && role && nullable ? Role.Admin : undefined);
}
export async function current(): Promise<Status | undefined> {
  return 'open';
}
export const maybeNull = async (): Promise<Status | null> => null;
`;

const ref = (name: string): TypeNode => ({ kind: 'ref', name });
/** in the order the source writes them (`Role | null`) */
const orNull = (name: string): TypeNode => ({ kind: 'union', members: [ref(name), { kind: 'null' }] });

describe('a named type survives optionality, `| undefined` and `| null`', () => {
  const fixture = fixtureProgram('analysis-named-optional', { 'src/members.ts': source, 'src/enums.ts': enums });
  const { model, issues } = analyzeFixture(fixture);
  const member = model.schemas.find((schema) => schema.name === 'Member')?.type;
  const property = (name: string): TypeNode | undefined => (member?.kind === 'object' ? member.properties.find((entry) => entry.name === name)?.type : undefined);
  const action = model.actions.find((entry) => entry.exportName === 'update');

  it('compiles without problems', () => {
    expect(typeErrors(fixture)).toEqual([]);
    expect(issues).toEqual([]);
  });

  it.each([
    ['role', ref('Role')],
    ['roleOrUndefined', ref('Role')],
    ['roleOrNull', orNull('Role')],
    ['optionalRoleOrNull', orNull('Role')],
    ['level', ref('Level')],
    ['status', ref('Status')],
    ['statusOrUndefined', ref('Status')],
    ['statusOrNull', orNull('Status')],
    ['roles', { kind: 'array', items: orNull('Role') }],
    ['profile', ref('Profile')],
    ['onlyAdmin', { kind: 'literal', value: 'admin' }],
  ] as Array<[string, TypeNode]>)('property %s', (name, expected) => {
    expect(property(name)).toEqual(expected);
  });

  it('a union holding part of an enum stays a union of its values', () => {
    expect(property('adminOrOpen')).toEqual({ kind: 'union', members: [{ kind: 'literal', value: 'admin' }, { kind: 'literal', value: 'open' }] });
  });

  it('through Partial', () => {
    const partly = action?.params.find((param) => param.name === 'partly')?.type;
    expect(partly).toEqual({
      kind: 'object',
      properties: [
        { name: 'role', type: ref('Role'), optional: true },
        { name: 'status', type: ref('Status'), optional: true },
      ],
    });
  });

  it('parameters and the return type', () => {
    expect(action?.params).toEqual([
      { name: 'member', type: ref('Member'), optional: false },
      { name: 'partly', type: expect.objectContaining({ kind: 'object' }), optional: false },
      { name: 'status', type: ref('Status'), optional: true },
      { name: 'role', type: ref('Role'), optional: true },
      { name: 'nullable', type: orNull('Status'), optional: true },
    ]);
    expect(action?.returns).toEqual(ref('Role'));
    expect(action?.mayReturnNothing).toBe(true);
  });

  it('a result written with a named union', () => {
    const byName = new Map(model.actions.map((entry) => [entry.exportName, entry]));
    expect(byName.get('current')?.returns).toEqual(ref('Status'));
    expect(byName.get('current')?.mayReturnNothing).toBe(true);
    expect(byName.get('maybeNull')?.returns).toEqual(orNull('Status'));
  });
});
