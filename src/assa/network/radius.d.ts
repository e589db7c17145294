// The `radius` package (retailnext/node-radius) ships no types: the part ASSA uses.
declare module 'radius' {
  type Value = string | number | Buffer | Date;
  interface Packet {
    code: string;
    identifier: number;
    length: number;
    attributes: Record<string, Value | Value[]>;
  }
  const radius: {
    decode(args: { packet: Buffer; secret: string }): Packet;
    encode(args: { code: string; secret: string; identifier?: number; attributes: Array<[string, Value]> }): Buffer;
    encode_response(args: { packet: Packet; code: string; secret: string; attributes?: Array<[string, Value]> }): Buffer;
    verify_response(args: { request: Buffer; response: Buffer; secret: string }): boolean;
  };
  export default radius;
}
