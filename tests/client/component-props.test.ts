import { readdirSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/** No component takes more than this many props: what it needs beyond them, it reads from its stores. */
const MAX_PROPS = 8;
const CLIENT = path.resolve(import.meta.dirname, '../../client');

const tsxFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? tsxFiles(path.join(dir, e.name)) : e.name.endsWith('.tsx') ? [path.join(dir, e.name)] : []));

/** Every component (a capitalised function) in the client, with the number of props its first parameter declares. */
function componentProps(files: readonly string[]): { name: string; props: number }[] {
  const program = ts.createProgram(files, { jsx: ts.JsxEmit.ReactJSX, strict: true, skipLibCheck: true, noEmit: true, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, target: ts.ScriptTarget.ES2022 });
  const checker = program.getTypeChecker();
  const found: { name: string; props: number }[] = [];
  const visit = (file: ts.SourceFile, node: ts.Node) => {
    let name: string | undefined;
    let fn: ts.SignatureDeclaration | undefined;
    if (ts.isFunctionDeclaration(node) && node.name) [name, fn] = [node.name.text, node];
    else if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && (ts.isArrowFunction(node.initializer) || ts.isFunctionExpression(node.initializer)))
      [name, fn] = [node.name.text, node.initializer];
    const param = fn?.parameters[0];
    if (name && /^[A-Z]/.test(name) && param) {
      const type = checker.getTypeAtLocation(param);
      found.push({ name: `${path.relative(CLIENT, file.fileName)}:${name}`, props: checker.getPropertiesOfType(type).length });
    }
    ts.forEachChild(node, (child) => visit(file, child));
  };
  for (const file of program.getSourceFiles()) if (files.includes(file.fileName)) visit(file, file);
  return found;
}

describe('components', () => {
  it(`take at most ${MAX_PROPS} props each`, () => {
    const components = componentProps(tsxFiles(CLIENT));
    expect(components.length).toBeGreaterThan(40); // the scan finds the client's components
    // The counting itself: a component known to take three props is counted so.
    expect(components.find((c) => c.name.endsWith('AreaSummary'))?.props).toBe(3);
    expect(components.filter((c) => c.props > MAX_PROPS)).toEqual([]);
  });
});
