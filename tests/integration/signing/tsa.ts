// A tiny RFC 3161 timestamp authority on 127.0.0.1 for tests: parses TimeStampReq with pkijs and
// answers a TimeStampResp signed by a key whose certificate the dev CA issued (EKU timeStamping).
import { createServer, type Server } from 'node:http';
import { randomBytes, webcrypto } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { DevelopmentCa, EKU_TIME_STAMPING, derToPem } from '../../../src/main/services/signing';

export interface TestTsa {
  url: string;
  requests: number;
  /** 'ok' | 'garbage' (invalid body) | 'reject' (status rejection) | 'http500' */
  mode: 'ok' | 'garbage' | 'reject' | 'http500';
  close(): Promise<void>;
}

function ab(b: Uint8Array): ArrayBuffer {
  return b.slice().buffer as ArrayBuffer;
}

export async function startTestTsa(ca: DevelopmentCa, genTime: () => Date = () => new Date()): Promise<TestTsa> {
  const subtle = webcrypto.subtle as unknown as SubtleCrypto;
  const keys = (await subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  const spkiPem = derToPem(await subtle.exportKey('spki', keys.publicKey), 'PUBLIC KEY');
  const { chain } = await ca.issue(spkiPem, { name: 'Fashen 测试时间戳服务', agency: '测试' }, { extendedKeyUsages: [EKU_TIME_STAMPING] });
  const certs = chain.map((pem) => pkijs.Certificate.fromBER(ab(new Uint8Array(Buffer.from(pem.replace(/-----[^-]+-----|\s/g, ''), 'base64')))));
  const cert = certs[0]!;

  async function respond(reqDer: Uint8Array): Promise<Uint8Array> {
    const req = pkijs.TimeStampReq.fromBER(ab(reqDer));
    if (state.mode === 'reject') {
      return new Uint8Array(new pkijs.TimeStampResp({ status: new pkijs.PKIStatusInfo({ status: pkijs.PKIStatus.rejection }) }).toSchema().toBER(false));
    }
    const tst = new pkijs.TSTInfo({
      version: 1,
      policy: '1.3.6.1.4.1.99999.1',
      messageImprint: req.messageImprint,
      serialNumber: new asn1js.Integer({ valueHex: ab(randomBytes(10)) }),
      genTime: genTime(),
      ...(req.nonce ? { nonce: req.nonce } : {}),
    });
    const tstDer = tst.toSchema().toBER(false);
    const digest = await subtle.digest('SHA-256', tstDer);
    const sd = new pkijs.SignedData({
      version: 3,
      encapContentInfo: new pkijs.EncapsulatedContentInfo({
        eContentType: '1.2.840.113549.1.9.16.1.4',
        eContent: new asn1js.OctetString({ valueHex: tstDer }),
      }),
      signerInfos: [
        new pkijs.SignerInfo({
          version: 1,
          sid: new pkijs.IssuerAndSerialNumber({ issuer: cert.issuer, serialNumber: cert.serialNumber }),
          signedAttrs: new pkijs.SignedAndUnsignedAttributes({
            type: 0,
            attributes: [
              new pkijs.Attribute({ type: '1.2.840.113549.1.9.3', values: [new asn1js.ObjectIdentifier({ value: '1.2.840.113549.1.9.16.1.4' })] }),
              new pkijs.Attribute({ type: '1.2.840.113549.1.9.4', values: [new asn1js.OctetString({ valueHex: digest })] }),
            ],
          }),
        }),
      ],
      certificates: req.certReq ? certs : [],
    });
    await sd.sign(keys.privateKey, 0, 'SHA-256');
    const resp = new pkijs.TimeStampResp({
      status: new pkijs.PKIStatusInfo({ status: pkijs.PKIStatus.granted }),
      timeStampToken: new pkijs.ContentInfo({ contentType: '1.2.840.113549.1.7.2', content: sd.toSchema(true) }),
    });
    return new Uint8Array(resp.toSchema().toBER(false));
  }

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      state.requests++;
      if (state.mode === 'http500') return void res.writeHead(500).end();
      if (state.mode === 'garbage') return void res.writeHead(200, { 'content-type': 'application/timestamp-reply' }).end('not a timestamp');
      respond(new Uint8Array(Buffer.concat(chunks)))
        .then((der) => res.writeHead(200, { 'content-type': 'application/timestamp-reply' }).end(Buffer.from(der)))
        .catch(() => res.writeHead(400).end());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const state: TestTsa = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/tsa`,
    requests: 0,
    mode: 'ok',
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  return state;
}
