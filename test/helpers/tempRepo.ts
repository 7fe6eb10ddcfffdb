import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** All test scratch space lives under one folder, never loose in the /tmp root or in $HOME. */
export function testTempRoot(): string {
  const root = process.env.OWN_IT_TEST_TMP ?? path.join(os.tmpdir(), 'own-it-tests');
  fs.mkdirSync(root, { recursive: true });
  return root;
}

export function makeTempDir(prefix = 'tmp-'): string {
  return fs.mkdtempSync(path.join(testTempRoot(), prefix));
}

export interface Person {
  name: string;
  email: string;
}

export const ALICE: Person = { name: 'Alice Example', email: 'alice@example.com' };
export const BOB: Person = { name: 'Bob Example', email: 'bob@example.com' };

let clock = Date.parse('2026-01-05T09:00:00Z') / 1000;

/**
 * A real git repository in a temp folder, driven by the real git CLI.
 * Git config is isolated (no user/system config is read) and dates advance one minute per commit.
 */
export class TempRepo {
  private constructor(
    readonly path: string,
    private readonly home: string,
  ) {}

  static create(options: { bare?: boolean; branch?: string; dir?: string } = {}): TempRepo {
    const base = makeTempDir('repo-');
    const home = path.join(base, 'home');
    fs.mkdirSync(home);
    const dir = options.dir ?? path.join(base, 'repo');
    fs.mkdirSync(dir, { recursive: true });
    const repo = new TempRepo(dir, home);
    repo.git('init', '-q', `--initial-branch=${options.branch ?? 'main'}`, ...(options.bare ? ['--bare'] : []));
    return repo;
  }

  /** Clone `source` (a path) into a new temp repo with the same isolated config. */
  static clone(source: string, args: string[] = []): TempRepo {
    const base = makeTempDir('clone-');
    const home = path.join(base, 'home');
    fs.mkdirSync(home);
    const dir = path.join(base, 'repo');
    const repo = new TempRepo(dir, home);
    repo.gitIn(base, 'clone', '-q', ...args, source, dir);
    return repo;
  }

  env(person: Person = ALICE, date?: Date): NodeJS.ProcessEnv {
    const when = date ? Math.floor(date.getTime() / 1000) : (clock += 60);
    const stamp = `${when} +0000`;
    return {
      PATH: process.env.PATH,
      HOME: this.home,
      XDG_CONFIG_HOME: this.home,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: path.join(this.home, '.gitconfig'),
      GIT_AUTHOR_NAME: person.name,
      GIT_AUTHOR_EMAIL: person.email,
      GIT_COMMITTER_NAME: person.name,
      GIT_COMMITTER_EMAIL: person.email,
      GIT_AUTHOR_DATE: stamp,
      GIT_COMMITTER_DATE: stamp,
      GIT_EDITOR: 'true',
      LANG: 'C',
    };
  }

  git(...args: string[]): string {
    return this.gitIn(this.path, ...args);
  }

  gitAs(person: Person, ...args: string[]): string {
    return execFileSync('git', args, { cwd: this.path, env: this.env(person), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  }

  /** Runs git with author, committer, tagger and reflog dates all fixed to `date` (the shared clock does not advance). */
  gitAt(date: Date, ...args: string[]): string {
    return execFileSync('git', args, { cwd: this.path, env: this.env(ALICE, date), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  }

  private gitIn(cwd: string, ...args: string[]): string {
    return execFileSync('git', args, { cwd, env: this.env(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  }

  write(file: string, content: string): void {
    const p = path.join(this.path, file);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, content);
  }

  /** Writes the files, stages everything and commits (at `date` when given). Returns the new full sha. */
  commit(message: string, files: Record<string, string> = {}, person: Person = ALICE, date?: Date): string {
    for (const [f, c] of Object.entries(files)) this.write(f, c);
    this.git('add', '-A');
    const args = ['commit', '-q', '--allow-empty', '-m', message];
    if (date) execFileSync('git', args, { cwd: this.path, env: this.env(person, date), stdio: ['ignore', 'pipe', 'pipe'] });
    else this.gitAs(person, ...args);
    return this.head();
  }

  head(): string {
    return this.git('rev-parse', 'HEAD');
  }

  /** `git revert --no-edit <sha>`; returns the revert's sha. */
  revert(sha: string, person: Person = ALICE, extra: string[] = []): string {
    this.gitAs(person, 'revert', '--no-edit', ...extra, sha);
    return this.head();
  }

  dispose(): void {
    fs.rmSync(path.dirname(this.path), { recursive: true, force: true });
  }
}

/** For a mocha suite: a maker of temp repositories that are all removed after the suite. */
export function useTempRepos(): () => TempRepo {
  const repos: TempRepo[] = [];
  after(() => repos.forEach((r) => r.dispose()));
  return () => {
    const r = TempRepo.create();
    repos.push(r);
    return r;
  };
}
