import { revive } from '../../runtime/client/revive.js';

describe('client revival of bigints and bytes', () => {
  it('revives only the forms the server writes, so a string | bigint or string | Uint8Array result keeps its other strings', () => {
    expect(revive('9007199254740993', 'b')).toBe(9007199254740993n);
    expect(revive('-12', 'b')).toBe(-12n);
    for (const text of ['', ' 1', '01', '1.5', '0x10', '1e3']) expect(revive(text, 'b')).toBe(text);
    expect(revive('AQID', 'y')).toEqual(new Uint8Array([1, 2, 3]));
    for (const text of ['A', 'AQI', 'not base64!']) expect(revive(text, 'y')).toBe(text);
    expect(revive('', 'y')).toEqual(new Uint8Array([]));
  });
});
