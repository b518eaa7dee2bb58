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
import { ZodValidationPipe } from './zod-validation.pipe.js';

type JsonSchema = Record<string, unknown>;

/** The OpenAPI description of a shared zod schema, generated from the schema itself. */
export function openApiSchema(schema: z.ZodType, io: 'input' | 'output' = 'input'): JsonSchema {
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'openapi-3.0' });
  delete json.$schema;
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

/** The request body, validated against `schema` (400 with one issue per field otherwise). */
export function ValidBody(schema: z.ZodType): ParameterDecorator {
  return (target, key, index) => {
    Body(new ZodValidationPipe(schema))(target, key, index);
    describeMethod(ApiBody({ schema: openApiSchema(schema) }))(target, key, index);
  };
}

/** The path parameters, validated against a strict object schema. */
export function ValidParams(schema: z.ZodObject): ParameterDecorator {
  return (target, key, index) => {
    Param(new ZodValidationPipe(schema))(target, key, index);
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
