// Types for the part of http_ece (web-push's own encryption dependency) that the push tests use to decrypt what arrives.
declare module "http_ece" {
  import type { ECDH } from "node:crypto";

  interface DecryptParameters {
    version: "aes128gcm";
    privateKey: ECDH;
    authSecret: string;
  }
  const ece: { decrypt(buffer: Buffer, parameters: DecryptParameters): Buffer };
  export default ece;
}
