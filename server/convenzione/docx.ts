import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { ConvenzioneBlock, ConvenzioneDocument } from '../../domain/convenzione';
import type { ConvenzioneVersion } from '../queries/convenzione-versions';

/** The draft convenzione as a Word document (OOXML written by the `docx` library). */
export function convenzioneDocx(doc: ConvenzioneDocument, version: ConvenzioneVersion): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: doc.marking, bold: true, color: 'B00020' })] }),
    new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun(doc.title)] }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: versionLine(version), size: 18, color: '555555' })] }),
  ];
  for (const article of doc.articles) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(article.heading)] }));
    for (const block of article.blocks) children.push(render(block));
  }
  const document = new Document({
    creator: 'ALI Atlas',
    title: doc.title,
    description: versionLine(version),
    styles: { default: { document: { run: { font: 'Times New Roman', size: 24 } } } },
    sections: [{ children }],
  });
  return Packer.toBuffer(document);
}

/** "Versione 3 del testo — SHA-256 …": what identifies this text. */
export const versionLine = (version: ConvenzioneVersion) => `Versione ${version.version} del testo — SHA-256 ${version.sha256}`;

function render(block: ConvenzioneBlock): Paragraph | Table {
  if (block.kind === 'paragraph') return new Paragraph({ alignment: AlignmentType.JUSTIFIED, spacing: { after: 120 }, children: [new TextRun(block.text)] });
  const { header, rows, numeric } = block.table;
  const cell = (text: string, column: number, bold: boolean) =>
    new TableCell({
      children: [new Paragraph({ alignment: numeric.includes(column) ? AlignmentType.RIGHT : AlignmentType.LEFT, children: [new TextRun({ text, bold, size: 20 })] })],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h, i) => cell(h, i, true)) }),
      ...rows.map((row) => new TableRow({ children: row.map((text, i) => cell(text, i, false)) })),
    ],
  });
}
