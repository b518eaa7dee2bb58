import { applyDecorators, Body, Param, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBody,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiParam,
  ApiQuery,
} from '@nestjs/swagger';
import { z } from 'zod';
import { parameterErrors } from './api-errors.js';
import { ZodValidationPipe } from './zod-validation.pipe.js';

type JsonSchema = Record<string, unknown>;

const INT32 = { min: -(2 ** 31), max: 2 ** 31 - 1 };
/** Lengths the string formats zod checks fix by themselves. */
const FORMAT_LENGTHS: Record<string, number> = { uuid: 36, date: 10 };

/**
 * Says in the schema what zod's JSON Schema leaves implicit. JSON Schema has no integer width:
 * OpenAPI's `format` tells clients which type holds the value, int32 where the bounds fit one,
 * int64 otherwise (zod's integers stop at 2^53). A UUID or a date has a fixed length. A union
 * whose branches share one type (a UUID or "general") gets that type itself, so tools that look
 * only at `type` see it too.
 */
function makeExplicit(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) makeExplicit(item);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const schema = node as JsonSchema;
  if (schema.type === 'integer' && schema.format === undefined) {
    const fits =
      typeof schema.minimum === 'number' &&
      typeof schema.maximum === 'number' &&
      schema.minimum >= INT32.min &&
      schema.maximum <= INT32.max;
    schema.format = fits ? 'int32' : 'int64';
  }
  const length = typeof schema.format === 'string' ? FORMAT_LENGTHS[schema.format] : undefined;
  if (schema.type === 'string' && length !== undefined && schema.maxLength === undefined) {
    schema.minLength = length;
    schema.maxLength = length;
  }
  if (Array.isArray(schema.anyOf) && schema.type === undefined) {
    const types = new Set((schema.anyOf as JsonSchema[]).map((branch) => branch.type));
    const [type] = types;
    if (types.size === 1 && typeof type === 'string') schema.type = type;
  }
  for (const value of Object.values(schema)) makeExplicit(value);
}

/** The OpenAPI description of a shared zod schema, generated from the schema itself. */
export function openApiSchema(schema: z.ZodType, io: 'input' | 'output' = 'input'): JsonSchema {
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'openapi-3.0' });
  delete json.$schema;
  makeExplicit(json);
  return json as JsonSchema;
}

/** Adds method-level OpenAPI metadata from inside a parameter decorator. */
export function describeMethod(decorator: MethodDecorator): ParameterDecorator {
  return (target, propertyKey) => {
    if (propertyKey === undefined) return;
    const descriptor = Object.getOwnPropertyDescriptor(target, propertyKey);
    if (descriptor) decorator(target, propertyKey, descriptor);
  };
}

/**
 * The request body, validated against `schema` (400 with one issue per field otherwise; 413 past
 * the body parser's limit).
 */
export function ValidBody(schema: z.ZodType): ParameterDecorator {
  return (target, key, index) => {
    Body(new ZodValidationPipe(schema))(target, key, index);
    parameterErrors(target, key, ['VALIDATION_FAILED', 'PAYLOAD_TOO_LARGE']);
    describeMethod(ApiBody({ schema: openApiSchema(schema) }))(target, key, index);
  };
}

/** The path parameters, validated against a strict object schema. */
export function ValidParams(schema: z.ZodObject): ParameterDecorator {
  return (target, key, index) => {
    Param(new ZodValidationPipe(schema))(target, key, index);
    parameterErrors(target, key, ['VALIDATION_FAILED']);
    for (const name of Object.keys(schema.shape)) {
      describeMethod(ApiParam({ name, schema: openApiSchema(schema.shape[name] as z.ZodType) }))(
        target,
        key,
        index,
      );
    }
  };
}

/** The query string, validated against a strict object schema. */
export function ValidQuery(schema: z.ZodObject): ParameterDecorator {
  return (target, key, index) => {
    Query(new ZodValidationPipe(schema))(target, key, index);
    parameterErrors(target, key, ['VALIDATION_FAILED']);
    for (const [name, field] of Object.entries(schema.shape)) {
      describeMethod(
        ApiQuery({
          name,
          required: !(field as z.ZodType).safeParse(undefined).success,
          schema: openApiSchema(field as z.ZodType),
        }),
      )(target, key, index);
    }
  };
}

/** Documents a 200 answer with the shape of a shared schema. */
export const Returns = (schema: z.ZodType, description = 'OK') =>
  applyDecorators(ApiOkResponse({ description, schema: openApiSchema(schema, 'output') }));

/** Documents a 201 answer with the shape of a shared schema. */
export const ReturnsCreated = (schema: z.ZodType, description = 'Created') =>
  applyDecorators(ApiCreatedResponse({ description, schema: openApiSchema(schema, 'output') }));

/** Documents a 202 answer with the shape of a shared schema. */
export const ReturnsAccepted = (schema: z.ZodType, description = 'Accepted') =>
  applyDecorators(ApiAcceptedResponse({ description, schema: openApiSchema(schema, 'output') }));
