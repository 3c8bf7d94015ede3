import type { Model, StreamShape } from '../model/model.js';
import { PROBLEM_SCHEMA_NAME } from '../model/reserved-schema-names.js';
import { SCHEMA_REF_PREFIX, toJsonSchema, type JsonSchema } from './json-schema.js';

/** One server-sent event as an object of its fields: `event` a constant, `data` JSON text of `data`'s schema. */
function eventSchema(event: string, description: string, data: JsonSchema, withId: boolean): JsonSchema {
  return {
    type: 'object',
    description,
    properties: {
      event: { const: event },
      ...(withId ? { id: { type: 'string', description: 'the count of items sent so far, this one included; a reconnect sends it back as Last-Event-ID' } } : {}),
      data: { type: 'string', contentMediaType: 'application/json', contentSchema: data },
    },
    required: ['event', 'data'],
  };
}

/**
 * A streaming action's 200 answer: `text/event-stream`, described as the sequence of its events: in OpenAPI 3.1 as
 * the array of its items (3.2 calls such a media type sequential), in 3.2 (`itemSchema`) by the schema of one event.
 */
export function streamResponse(stream: StreamShape, schemas: Model['schemas'], itemSchema: boolean): JsonSchema {
  const events = {
    oneOf: [
      eventSchema('message', 'an item the action yielded', toJsonSchema(stream.item, schemas), true),
      eventSchema('done', stream.result ? 'the end of the stream: the value the action returned' : 'the end of the stream (the action returns nothing: data is null)', stream.result ? toJsonSchema(stream.result, schemas) : { type: 'null' }, false),
      eventSchema('error', 'the action failed after the stream began: its problem, the stream ends', { $ref: SCHEMA_REF_PREFIX + PROBLEM_SCHEMA_NAME }, false),
    ],
  };
  return {
    description: 'A stream of server-sent events: `message` per item, then `done`, or `error`; comments (`: ping`) keep it open',
    content: {
      'text/event-stream': itemSchema ? { itemSchema: events } : { schema: { type: 'array', description: 'the events of the stream, in order', items: events } },
    },
  };
}
