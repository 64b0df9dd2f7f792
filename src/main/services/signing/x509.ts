// @peculiar/x509 needs the reflect-metadata polyfill loaded before it, and a WebCrypto provider.
// Import x509 only through this module.
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import * as pkijs from 'pkijs';

x509.cryptoProvider.set(webcrypto as unknown as Crypto);
pkijs.setEngine('node-webcrypto', new pkijs.CryptoEngine({ name: 'node-webcrypto', crypto: webcrypto as unknown as Crypto }));

export { x509, pkijs };
export const subtle = webcrypto.subtle as unknown as SubtleCrypto;
