import { AtlasMap } from './map/AtlasMap';
import { POPULATION_CLASSES, POPULATION_COLOURS } from './map/style';

const number = new Intl.NumberFormat('it-IT');

export function App() {
  return (
    <div className="app">
      <header>
        <h1>ALI Atlas</h1>
        <span>Alleanze Locali per l'Innovazione</span>
      </header>
      <main className="map">
        <AtlasMap label="Mappa dei comuni italiani" />
        <aside className="legend" aria-label="Legenda">
          <strong>Popolazione residente (ISTAT 2020)</strong>
          <ol>
            {POPULATION_CLASSES.map((limit, i) => {
              const next = POPULATION_CLASSES[i + 1];
              return (
                <li key={limit}>
                  <span className="swatch" style={{ background: POPULATION_COLOURS[i] }} />
                  {next === undefined ? `oltre ${number.format(limit)}` : `${number.format(limit)} – ${number.format(next - 1)}`}
                </li>
              );
            })}
          </ol>
        </aside>
      </main>
    </div>
  );
}
