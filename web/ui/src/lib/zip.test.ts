import { describe, expect, it } from 'vitest';
import { crc32, makeZip } from './zip';

describe('zip writer', () => {
  it('computes the standard CRC-32', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array())).toBe(0);
  });
  it('writes local headers, a central directory and its end record', () => {
    const data = new TextEncoder().encode('name: Hei\n');
    const zip = makeZip([{ path: 'hei/problem.yaml', data }, { path: 'hei/ä.md', data: new Uint8Array([1, 2]) }]);
    const view = new DataView(zip.buffer);
    expect(view.getUint32(0, true)).toBe(0x04034b50);
    const end = zip.length - 22;
    expect(view.getUint32(end, true)).toBe(0x06054b50);
    expect(view.getUint16(end + 10, true)).toBe(2);
    const centralAt = view.getUint32(end + 16, true);
    expect(view.getUint32(centralAt, true)).toBe(0x02014b50);
    expect(view.getUint32(centralAt + 16, true)).toBe(crc32(data));
    // The first entry's content sits right after its 30-byte header and name.
    const name = 'hei/problem.yaml'.length;
    expect(new TextDecoder().decode(zip.slice(30 + name, 30 + name + data.length))).toBe('name: Hei\n');
  });
});
