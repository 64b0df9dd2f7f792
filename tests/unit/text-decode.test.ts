// Text evidence as the pane and the index read it: UTF-8, GB18030, UTF-16 with its BOM, and bytes
// that are not text whatever their label says.
import { describe, expect, it } from 'vitest';
import { decodeText, looksBinary } from '../../src/shared/text/decode';

const utf16le = (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]);

describe('decodeText', () => {
  it('reads UTF-8, else GB18030, and UTF-16 by its byte-order mark (Notepad’s 「Unicode」)', () => {
    expect(decodeText(Buffer.from('没有票据', 'utf8'))).toEqual({ text: '没有票据', encoding: 'UTF-8' });
    expect(decodeText(Buffer.from('cad5d2f8bcc7c2bc', 'hex'))).toEqual({ text: '收银记录', encoding: 'GB18030' });
    expect(decodeText(utf16le('收银记录：12 件'))).toEqual({ text: '收银记录：12 件', encoding: 'UTF-16' });
    // A preview cut in the middle of a UTF-16 unit drops the odd byte.
    expect(decodeText(utf16le('收银').subarray(0, 5)).text).toBe('收');
  });
});

describe('looksBinary', () => {
  it('tells an image or a database named .txt from text, UTF-16 included', () => {
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
    expect(looksBinary(png)).toBe(true);
    expect(looksBinary(Buffer.from([1, 2, 3, 4, 5, 6, 7, 8, 65, 66]))).toBe(true);
    expect(looksBinary(Buffer.from('2026-06-05 10:12 张三：这批货是从哪里进的？\r\n\t李四：合肥。\n', 'utf8'))).toBe(false);
    expect(looksBinary(utf16le('收银记录'))).toBe(false);
    expect(looksBinary(new Uint8Array(0))).toBe(false);
  });
});
