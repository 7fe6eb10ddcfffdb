import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { readRepoText } from '../fs/repoFiles';
import { detectCSuites } from './cSuites';
import { ecosystemOf, languageOf } from './languages';
import type { DetectedFramework, Ecosystem, Language, TestFramework } from './types';

type Found = Omit<DetectedFramework, 'root'>;

/** Through repoFiles: no symlink out of the repository, no FIFO or device, size-capped. */
async function read(file: string): Promise<string | undefined> {
  return readRepoText(path.dirname(file), file).catch(() => undefined);
}

async function exists(p: string): Promise<boolean> {
  try {
    await fs.access(p);
    return true;
  } catch {
    return false;
  }
}

async function list(dir: string): Promise<string[]> {
  try {
    return await fs.readdir(dir);
  } catch {
    return [];
  }
}

const JS_ORDER: TestFramework[] = ['vitest', 'jest', 'mocha', 'ava', 'node:test'];

async function detectJs(dir: string, names: string[]): Promise<Found[]> {
  const raw = names.includes('package.json') ? await read(path.join(dir, 'package.json')) : undefined;
  if (raw === undefined) return [];
  let pkg: Record<string, unknown> = {};
  try {
    pkg = JSON.parse(raw) as Record<string, unknown>;
  } catch {
    return [];
  }
  const deps: Record<string, unknown> = {
    ...(pkg.dependencies as Record<string, unknown> | undefined),
    ...(pkg.devDependencies as Record<string, unknown> | undefined),
  };
  const scripts = (pkg.scripts as Record<string, unknown> | undefined) ?? {};
  const testScript = typeof scripts.test === 'string' ? scripts.test : '';
  const has = (prefix: string): string | undefined => names.find((n) => n.startsWith(prefix));
  const evidence = new Map<TestFramework, string>();
  const note = (fw: TestFramework, why: string | undefined | false): void => {
    if (why && !evidence.has(fw)) evidence.set(fw, why);
  };
  note('vitest', ('vitest' in deps && 'package.json devDependencies: vitest') || has('vitest.config.'));
  note('jest', (['jest', 'ts-jest', '@jest/globals', 'babel-jest'].some((d) => d in deps) && 'package.json devDependencies: jest') || has('jest.config.') || ('jest' in pkg && 'package.json "jest"'));
  note('mocha', ('mocha' in deps && 'package.json devDependencies: mocha') || has('.mocharc'));
  note('ava', ('ava' in deps && 'package.json devDependencies: ava') || has('ava.config.'));
  note('node:test', /\b(node|tsx)\s+(?:[^&|;]*\s)?--test\b/.test(testScript) && 'package.json scripts.test: node --test');
  // The test script says which runner the project really uses when several are installed.
  const inScript = (fw: TestFramework): number => {
    const word = fw === 'node:test' ? '--test' : fw;
    const i = testScript.search(new RegExp(`(^|[\\s/])${word.replace(/[-:]/g, '\\$&')}\\b`));
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  return [...evidence.keys()]
    .sort((a, b) => inScript(a) - inScript(b) || JS_ORDER.indexOf(a) - JS_ORDER.indexOf(b))
    .map((fw) => ({ framework: fw, ecosystem: 'js', evidence: evidence.get(fw) ?? 'package.json' }));
}

async function detectPython(dir: string, names: string[]): Promise<Found[]> {
  const pytest = async (): Promise<string | undefined> => {
    if (names.includes('pytest.ini')) return 'pytest.ini';
    if (names.includes('conftest.py')) return 'conftest.py';
    for (const sub of ['tests', 'test']) if (await exists(path.join(dir, sub, 'conftest.py'))) return `${sub}/conftest.py`;
    const pyproject = await read(path.join(dir, 'pyproject.toml'));
    if (pyproject && /\[tool\.pytest/.test(pyproject)) return 'pyproject.toml [tool.pytest.ini_options]';
    if (pyproject && /["'\s]pytest\b/.test(pyproject)) return 'pyproject.toml dependency: pytest';
    if (/\[tool:pytest\]/.test((await read(path.join(dir, 'setup.cfg'))) ?? '')) return 'setup.cfg [tool:pytest]';
    if (/\[pytest\]/.test((await read(path.join(dir, 'tox.ini'))) ?? '')) return 'tox.ini [pytest]';
    for (const n of names.filter((f) => /^requirements.*\.txt$/.test(f) || f === 'Pipfile')) {
      if (/^\s*"?pytest\b/m.test((await read(path.join(dir, n))) ?? '')) return `${n}: pytest`;
    }
    return undefined;
  };
  const why = await pytest();
  if (why) return [{ framework: 'pytest', ecosystem: 'python', evidence: why }];
  const marker = names.find((n) => ['pyproject.toml', 'setup.py', 'setup.cfg', 'Pipfile'].includes(n) || /^requirements.*\.txt$/.test(n));
  return marker ? [{ framework: 'unittest', ecosystem: 'python', evidence: `${marker} without pytest` }] : [];
}

async function detectOthers(dir: string, names: string[]): Promise<Found[]> {
  const out: Found[] = [];
  if (names.includes('go.mod')) out.push({ framework: 'go', ecosystem: 'go', evidence: 'go.mod' });
  if (names.includes('Cargo.toml') && /^\s*\[package\]/m.test((await read(path.join(dir, 'Cargo.toml'))) ?? '')) {
    out.push({ framework: 'cargo', ecosystem: 'rust', evidence: 'Cargo.toml' });
  }
  for (const build of ['pom.xml', 'build.gradle', 'build.gradle.kts']) {
    if (!names.includes(build)) continue;
    const text = (await read(path.join(dir, build))) ?? '';
    const four = /<artifactId>junit<\/artifactId>|['"]junit:junit:/.test(text);
    const five = /junit-jupiter|org\.junit\.jupiter|useJUnitPlatform/.test(text);
    const fw: TestFramework = four && !five ? 'junit4' : 'junit5';
    out.push({ framework: fw, ecosystem: 'java', evidence: `${build}${four || five ? '' : ' (no JUnit dependency yet)'}`, buildTool: build === 'pom.xml' ? 'maven' : 'gradle' });
    break;
  }
  const gemfile = names.includes('Gemfile') ? ((await read(path.join(dir, 'Gemfile'))) ?? '') : undefined;
  if (names.includes('.rspec') || /\brspec\b/.test(gemfile ?? '') || (gemfile !== undefined && names.includes('spec'))) {
    out.push({ framework: 'rspec', ecosystem: 'ruby', evidence: names.includes('.rspec') ? '.rspec' : 'Gemfile: rspec' });
  } else if (gemfile !== undefined) out.push({ framework: 'minitest', ecosystem: 'ruby', evidence: 'Gemfile without rspec' });
  const phpunitXml = names.find((n) => n === 'phpunit.xml' || n === 'phpunit.xml.dist');
  if (phpunitXml) out.push({ framework: 'phpunit', ecosystem: 'php', evidence: phpunitXml });
  else if (names.includes('composer.json') && /phpunit\/phpunit/.test((await read(path.join(dir, 'composer.json'))) ?? '')) {
    out.push({ framework: 'phpunit', ecosystem: 'php', evidence: 'composer.json: phpunit/phpunit' });
  }
  for (const csproj of names.filter((n) => n.endsWith('.csproj'))) {
    const fw = csharpFramework((await read(path.join(dir, csproj))) ?? '');
    if (fw) out.push({ framework: fw, ecosystem: 'csharp', evidence: `${csproj} PackageReference` });
  }
  return out;
}

export function csharpFramework(csproj: string): TestFramework | undefined {
  if (/PackageReference\s+Include="xunit(\.v3)?"/i.test(csproj)) return 'xunit';
  if (/PackageReference\s+Include="NUnit"/i.test(csproj)) return 'nunit';
  if (/PackageReference\s+Include="MSTest(\.TestFramework)?"/i.test(csproj)) return 'mstest';
  return undefined;
}

/** C# test projects sit beside the code, not above it: look for them a few levels down from the repo root. */
async function findCsharpTestProjects(repoRoot: string): Promise<DetectedFramework[]> {
  const out: DetectedFramework[] = [];
  const walk = async (dir: string, depth: number): Promise<void> => {
    if (depth > 3) return;
    for (const entry of await list(dir)) {
      if (['node_modules', '.git', 'bin', 'obj'].includes(entry)) continue;
      const abs = path.join(dir, entry);
      if (entry.endsWith('.csproj')) {
        const fw = csharpFramework((await read(abs)) ?? '');
        if (fw) out.push({ framework: fw, ecosystem: 'csharp', root: toRel(repoRoot, dir), evidence: `${toRel(repoRoot, abs)} PackageReference` });
      } else if (!entry.startsWith('.')) {
        try {
          if ((await fs.stat(abs)).isDirectory()) await walk(abs, depth + 1);
        } catch {
          // unreadable entries are not projects
        }
      }
    }
  };
  await walk(repoRoot, 0);
  return out;
}

function toRel(root: string, abs: string): string {
  return path.relative(root, abs).split(path.sep).join('/');
}

/**
 * Every framework the repository's own files declare, nearest to `forPath` first
 * (its folder, then each parent up to the repository root), so in a monorepo the package
 * that contains the changed file wins.
 */
export async function detectFrameworks(repoRoot: string, forPath = ''): Promise<DetectedFramework[]> {
  const root = path.resolve(repoRoot);
  let dir = path.resolve(root, path.dirname(forPath || '.'));
  if (forPath === '') dir = root;
  const out: DetectedFramework[] = [];
  // Looking for C suites reads test files across the tree: only worth it for a C or C++ file.
  const wantC = forPath === '' || ecosystemOf(languageOf(forPath)) === 'c';
  for (;;) {
    if (toRel(root, dir).startsWith('..')) dir = root;
    const names = await list(dir);
    const rel = toRel(root, dir);
    const cSuites = wantC ? await detectCSuites(root, rel, names) : [];
    for (const f of [...(await detectJs(dir, names)), ...(await detectPython(dir, names)), ...(await detectOthers(dir, names)), ...cSuites]) {
      out.push({ ...f, root: rel });
    }
    if (dir === root) break;
    dir = path.dirname(dir);
  }
  const seen = new Set(out.map((d) => `${d.framework}@${d.root}`));
  for (const d of await findCsharpTestProjects(root)) if (!seen.has(`${d.framework}@${d.root}`)) out.push(d);
  return out;
}

/** C and C++ have no default: a test that no build compiles or runs would only mislead. */
const DEFAULTS: Record<Exclude<Ecosystem, 'c'>, TestFramework> = {
  js: 'node:test',
  python: 'unittest',
  go: 'go',
  rust: 'cargo',
  java: 'junit5',
  ruby: 'minitest',
  php: 'phpunit',
  csharp: 'xunit',
};

/** The framework to use for a file in `language`: the nearest detected one of its ecosystem, else that ecosystem's built-in default. */
export function pickFramework(detected: readonly DetectedFramework[], language: Language): DetectedFramework | undefined {
  const eco = ecosystemOf(language);
  if (!eco) return undefined;
  const found = detected.find((d) => d.ecosystem === eco);
  if (found || eco === 'c') return found;
  return { framework: DEFAULTS[eco], ecosystem: eco, root: '', evidence: 'no test setup found; using the built-in default' };
}
