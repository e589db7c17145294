// The `radius` package (retailnext/node-radius) has no type declarations; this is the
// small typed face of the part we use. Loaded with createRequire because it is CommonJS.
import { createRequire } from 'node:module';

export type RadiusAttributeValue = string | number | Buffer | Date;

export interface DecodedRadiusPacket {
  code: string;
  identifier: number;
  length: number;
  attributes: Record<string, RadiusAttributeValue | RadiusAttributeValue[]>;
}

export interface RadiusLib {
  encode(args: { code: string; secret: string; identifier?: number; attributes: [string, RadiusAttributeValue][] }): Buffer;
  decode(args: { packet: Buffer; secret: string }): DecodedRadiusPacket;
  encode_response(args: { packet: DecodedRadiusPacket; code: string; secret: string; attributes?: [string, RadiusAttributeValue][] }): Buffer;
  verify_response(args: { request: Buffer; response: Buffer; secret: string }): boolean;
}

export const radius = createRequire(import.meta.url)('radius') as RadiusLib;
