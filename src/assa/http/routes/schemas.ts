// Schemas several routes share; they also make the OpenAPI document.
import { Type } from '@sinclair/typebox';

export const ErrorSchema = Type.Object({
  error: Type.Object({ code: Type.String(), message: Type.String(), field: Type.Optional(Type.String()), details: Type.Optional(Type.Record(Type.String(), Type.Unknown())) }),
});

export const Ok = Type.Object({ ok: Type.Boolean() });
