import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW, parseViewState, serializeViewState, viewUrl, type ViewState } from '../../client/state/view-state';

describe('view state in the URL', () => {
  it('round-trips every part of the view', () => {
    const view: ViewState = {
      mode: 'alliances',
      alliance: 7,
      camera: { lon: 12.4964, lat: 41.9028, zoom: 9.5 },
      theme: 'innerAreas',
      overlays: ['snai', 'circles'],
      selected: '058091',
      area: '12',
      association: 465,
      lang: 'en',
      service: 'suap',
      compare: ['a7', 's465'],
      plan: '20000-soft-7-rt.1.2',
      tab: 'territorio',
    };
    expect(parseViewState(serializeViewState(view))).toEqual(view);
  });

  it("keeps the builder's section while building, and only then", () => {
    const building: ViewState = { ...DEFAULT_VIEW, mode: 'build', tab: 'forma' };
    expect(serializeViewState(building)).toBe('?mode=build&scheda=forma');
    expect(parseViewState('?mode=build&scheda=forma')).toEqual(building);
    // The first section is the default and is not written; elsewhere the section is left out.
    expect(serializeViewState({ ...building, tab: 'territorio' })).toBe('?mode=build');
    expect(serializeViewState({ ...building, mode: 'explore' })).toBe('');
    expect(parseViewState('?mode=build&scheda=cantina').tab).toBe('territorio');
  });

  it('writes nothing for the default view', () => {
    expect(serializeViewState(DEFAULT_VIEW)).toBe('');
    expect(parseViewState('')).toEqual(DEFAULT_VIEW);
  });

  it('ignores malformed or unknown values instead of failing', () => {
    expect(parseViewState('?theme=rainbow&ov=snai,castles,snai&sel=58091&area=1234&assoc=-3&lang=fr&lon=500&lat=41&z=5&svc=SUAP!&cmp=x1,a,s&piano=20000_soft')).toEqual({
      ...DEFAULT_VIEW,
      overlays: ['snai'],
    });
  });
});

describe('pages with a path of their own', () => {
  it('opens an alliance at /alleanze/:id and a Comune at /comuni/:code, and writes them back so', () => {
    const alliance = parseViewState('', '/alleanze/12');
    expect(alliance).toEqual({ ...DEFAULT_VIEW, mode: 'alliances', alliance: 12 });
    expect(viewUrl(alliance)).toBe('/alleanze/12');
    const lugo = parseViewState('?theme=density', '/comuni/039012');
    expect(lugo).toEqual({ ...DEFAULT_VIEW, selected: '039012', theme: 'density' });
    expect(viewUrl(lugo)).toBe('/comuni/039012?theme=density');
    expect(viewUrl({ ...DEFAULT_VIEW, mode: 'coverage', selected: '039012' })).toBe('/?mode=coverage&sel=039012');
    // Old links with the query still work; unknown paths fall back to the map.
    expect(parseViewState('?mode=alliances&alliance=5', '/')).toMatchObject({ mode: 'alliances', alliance: 5 });
    expect(parseViewState('', '/alleanze/abc')).toEqual(DEFAULT_VIEW);
    expect(parseViewState('', '/comuni/39012')).toEqual(DEFAULT_VIEW);
  });
});
