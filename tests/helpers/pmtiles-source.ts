import type { RangeResponse, Source } from 'pmtiles';

/** A PMTiles archive in memory, read as a static server would serve it: by byte ranges (each one recorded). */
export class BufferSource implements Source {
  readonly ranges: [number, number][] = [];
  constructor(private readonly buffer: Buffer) {}
  getKey = () => 'memory';
  getBytes = async (offset: number, length: number): Promise<RangeResponse> => {
    this.ranges.push([offset, length]);
    const slice = this.buffer.subarray(offset, offset + length);
    return { data: slice.buffer.slice(slice.byteOffset, slice.byteOffset + slice.byteLength) as ArrayBuffer };
  };
}
