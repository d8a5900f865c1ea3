import { describe, expect, it } from 'vitest';
import { csvEntries } from '../../client/builder/csv-entries';

describe('csvEntries (a CSV file to start a selection)', () => {
  it('takes the ISTAT code column of our own export, undoing ="…" quoting and the BOM', () => {
    const csv = '\uFEFFcodice_istat;comune;provincia;abitanti\n="001001";Agliè;TO;2614\n="058091";Roma;RM;2770226\n';
    expect(csvEntries(csv)).toEqual(['001001', '058091']);
  });

  it('takes the name column when there is no code column', () => {
    expect(csvEntries('Provincia,Comune\nFC,Forlì\nTN,"Samone (TN)"\n')).toEqual(['Forlì', 'Samone (TN)']);
  });

  it('reads a headerless list, one entry per line, skipping empty lines', () => {
    expect(csvEntries('1001\n\n058091\nAtlantide\n')).toEqual(['1001', '058091', 'Atlantide']);
  });

  it('understands tab-separated text pasted from a spreadsheet', () => {
    expect(csvEntries('istat\tnome\n001001\tAgliè\n')).toEqual(['001001']);
  });
});
