import { z } from 'zod';
import { eventIngestSchema, MAX_EVENT_BATCH } from '../../shared/events/eventIngestSchema';
import { eventQuerySchema } from '../../shared/events/eventQuerySchema';
import { transitionSchema } from '../../shared/events/transitionSchema';
import { ApiPath } from '../../shared/protocol/socketProtocol';

const json = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
const error = { description: 'error with a message naming the field', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };

/**
 * The OpenAPI 3.1 document for the REST API, generated from the very zod schemas that validate
 * requests, so the two cannot drift apart. Served at /api/openapi.json.
 */
export function openApiDocument(version: string) {
  const queryParams = Object.entries(eventQuerySchema.shape).map(([name, schema]) => ({
    name,
    in: 'query',
    required: false,
    schema: json(schema as z.ZodType),
  }));
  return {
    openapi: '3.1.0',
    info: { title: 'GridPulse API', version, description: 'Grid events of a district command centre (网格化社会治理指挥中心).' },
    components: {
      schemas: {
        EventIngest: json(eventIngestSchema),
        Transition: json(transitionSchema),
        Error: { type: 'object', properties: { error: { type: 'string' }, message: { type: 'string' } }, required: ['error', 'message'] },
      },
    },
    paths: {
      [ApiPath.events]: {
        post: {
          summary: 'Report a grid event (idempotent by clientId)',
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/EventIngest' } } } },
          responses: {
            201: { description: 'stored durably' },
            200: { description: 'already stored under this clientId; nothing new stored' },
            400: error,
            413: error,
            422: { ...error, description: 'location outside the district, or unknown grid' },
          },
        },
        get: {
          summary: 'List events, newest first, with filters and cursor pagination',
          parameters: queryParams,
          responses: { 200: { description: '{ events, nextCursor }' }, 400: error, 422: error },
        },
      },
      [`${ApiPath.events}/batch`]: {
        post: {
          summary: `Report up to ${MAX_EVENT_BATCH} grid events at once (each idempotent by clientId); nothing is stored unless every one can be`,
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: { type: 'object', properties: { events: { type: 'array', minItems: 1, maxItems: MAX_EVENT_BATCH, items: { $ref: '#/components/schemas/EventIngest' } } }, required: ['events'] },
              },
            },
          },
          responses: {
            201: { description: '{ results: [{ event, duplicate }] } in the order sent; every one stored durably' },
            200: { description: 'every event was already stored under its clientId; nothing new stored' },
            400: { ...error, description: 'batch_refused: problems[] names each invalid event by index; nothing stored' },
            403: error,
            413: error,
            422: { ...error, description: 'batch_refused: an event outside the district or in an unknown grid; nothing stored' },
          },
        },
      },
      [`${ApiPath.events}/{id}`]: {
        get: {
          summary: 'One event with its SLA state and full history',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { 200: { description: '{ event, history }' }, 404: error },
        },
      },
      [`${ApiPath.events}/{id}/transitions`]: {
        post: {
          summary: 'Move an event one step along the closed loop',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/Transition' } } } },
          responses: { 200: { description: '{ event, transition }' }, 400: error, 404: error, 409: { ...error, description: 'not allowed from the current status, or changed meanwhile; lists the allowed actions' } },
        },
      },
      '/api/regions/{id}': {
        get: {
          summary: 'Indicators of a region (any level) and its children',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { 200: { description: '{ region, counters, closureRate, onTimeRate, meanHandlingHours, path, children }' }, 404: error },
        },
      },
      [ApiPath.geography]: { get: { summary: 'The geography in force (GeoJSON, WGS-84)', responses: { 200: { description: 'FeatureCollection' } } } },
      [ApiPath.health]: { get: { summary: 'Liveness, store kind and latest sequence', responses: { 200: { description: 'ok' } } } },
    },
  };
}
