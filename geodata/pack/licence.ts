import type { Manifest } from './format';

/** The data licence file of the pack: each dataset's source, version, licence and attribution. */
export function licenceText(manifest: Manifest): string {
  const sections = manifest.datasets.map((d) =>
    [
      `## ${d.title} (\`${d.file.path}\`)`,
      '',
      `- Fonte / source: ${d.source}`,
      `- Versione / upstream version: ${d.upstreamVersion}`,
      `- Data di riferimento / reference date: ${d.referenceDate}`,
      `- Licenza / licence: ${d.licence}`,
      `- Attribuzione / attribution: ${d.attribution}`,
      '',
    ].join('\n'),
  );
  return [
    '# Dati del pacchetto / data pack licences',
    '',
    'Questi file derivano dalle fonti elencate qui sotto e sono ricostruiti da `npm run geodata:pack`;',
    'le licenze sono quelle delle fonti. Il codice del progetto è sotto licenza MIT; i dati no.',
    '',
    'These files are derived from the sources below and rebuilt by `npm run geodata:pack`; their',
    "licences are the sources' licences. The project's code is MIT-licensed; the data is not.",
    '',
    ...sections,
  ].join('\n');
}
