import { describe, expect, it } from 'vitest';
import { cameraSpanAtZoomZero, fittedZoom, ITALY_CAMERA, mercatorY } from '../../domain/first-view';

describe('the national first view', () => {
  it('places latitudes on Web Mercator (0 at the top of the world, ½ at the equator)', () => {
    expect(mercatorY(0)).toBeCloseTo(0.5, 12);
    expect(mercatorY(85.0511287798)).toBeCloseTo(0, 9);
    expect(mercatorY(-85.0511287798)).toBeCloseTo(1, 9);
    expect(mercatorY(41.89) * 1024).toBeCloseTo(380.55, 1); // Roma: in tile y 380 of 1,024 at z10
  });

  it('draws Italy 17 px wide and 20 px tall at zoom 0 (512 px tiles)', () => {
    const span = cameraSpanAtZoomZero();
    expect(span.width).toBeCloseTo((12 / 360) * 512, 9);
    expect(span.height).toBeCloseTo((mercatorY(ITALY_CAMERA[1]) - mercatorY(ITALY_CAMERA[3])) * 512, 9);
    expect(span.height).toBeGreaterThan(20);
    expect(span.height).toBeLessThan(20.3);
  });

  it('fits Italy at the zoom MapLibre gives the maps measured in the browser', () => {
    // A desktop 1280 × 800 (the map 1008 × 657 px): limited by its height, just over zoom 5.
    expect(fittedZoom(1008, 657)).toBeCloseTo(Math.log2(657 / cameraSpanAtZoomZero().height), 12);
    expect(Math.floor(fittedZoom(1008, 657))).toBe(5);
    // A phone 390 × 844 (the map 390 × 652 px): limited by its width, zoom 4.5.
    expect(fittedZoom(390, 652)).toBeCloseTo(Math.log2(390 / cameraSpanAtZoomZero().width), 12);
    expect(Math.floor(fittedZoom(390, 652))).toBe(4);
    // Twice the size, one zoom more.
    expect(fittedZoom(2016, 1314) - fittedZoom(1008, 657)).toBeCloseTo(1, 12);
  });
});
