import type { FormField } from '../../model/model.js';
import type { IssueList } from './problems/issue-list.js';

/** Checks and revives a parsed request body, reporting every problem into `issues`; returns the arguments. */
export type Decoder = (body: unknown, issues: IssueList) => unknown[];
/** Writes a return value as JSON text, pruned to the declared type. */
export type Encoder = (value: unknown) => string;
/** Checks and revives an inline action's opened bound values (one object), reporting every problem into `issues`. */
export type BoundDecoder = (value: unknown, issues: IssueList) => Record<string, unknown>;

/** A streaming action's writers: one per item (`event: message`), and the generator's result (`event: done`; absent: null). */
export interface StreamEncoders {
  encodeItem: Encoder;
  encodeResult: Encoder | undefined;
}

/** One action as the generated `routes.ts` describes it. */
export interface RouteDefinition {
  /** `${moduleId}/${exportName}` */
  route: string;
  /** validates the parsed body, pushing every problem into `issues`, and returns the arguments */
  decode: Decoder;
  /** the single parameter is FormData: the body is multipart/form-data or application/x-www-form-urlencoded */
  form: boolean;
  /** the form's declared fields (`FormFields<{…}>`), checked before the action runs */
  formFields?: readonly FormField[];
  /** writes the return value as JSON, pruned to the declared type; absent for `void` actions */
  encode: Encoder | undefined;
  /** the declared return type admits `undefined`, which is then answered with 204 */
  mayReturnNothing: boolean;
  /** a streaming action: how its items and its result are written (each pruned to its declared type) */
  stream?: StreamEncoders;
  /** the action itself, called with the decoded arguments (an inline action: its bound values first) */
  action: (...args: never[]) => unknown;
  /** present for an inline action (hoisted by the transformer): its captured variables, read from and written into seals */
  bound?: BoundValues;
}

/** An inline action's captured variables: how a call's sealed `$bound` is read, and how a reference's seal is written. */
export interface BoundValues {
  /** the captured variables' names; none: calls and references carry no seal */
  readonly names: readonly string[];
  /** checks and revives the opened plaintext's JSON, reporting problems below `/$bound` */
  decode: BoundDecoder;
  /** the JSON text to seal, pruned to the variables' types */
  encode: Encoder;
}
