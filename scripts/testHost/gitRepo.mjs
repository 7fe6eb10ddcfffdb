// A small driver for the real git CLI, used to build the test workspace and the demo repository.
// Config is confined to the repository (user.name/email set there) and git reads no user config.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export class GitRepo {
  /**
   * @param {string} dir repository folder (created if missing)
   * @param {string} home a folder used as HOME for git, so ~/.gitconfig is never read
   */
  constructor(dir, home) {
    this.dir = dir;
    this.home = home;
    this.clock = Date.parse('2026-11-18T09:00:00Z') / 1000;
  }

  static init(dir, home, person = { name: 'Alice Example', email: 'alice@example.com' }) {
    fs.mkdirSync(dir, { recursive: true });
    fs.mkdirSync(home, { recursive: true });
    const repo = new GitRepo(dir, home);
    repo.git('init', '-q', '--initial-branch=main');
    repo.git('config', 'user.name', person.name);
    repo.git('config', 'user.email', person.email);
    repo.git('config', 'commit.gpgsign', 'false');
    return repo;
  }

  env(person, date) {
    const when = date ? Math.floor(date.getTime() / 1000) : (this.clock += 37 * 60);
    const stamp = `${when} +0000`;
    const env = {
      PATH: process.env.PATH,
      HOME: this.home,
      XDG_CONFIG_HOME: this.home,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: path.join(this.home, '.gitconfig'),
      GIT_AUTHOR_DATE: stamp,
      GIT_COMMITTER_DATE: stamp,
      GIT_EDITOR: 'true',
      LANG: 'C',
    };
    if (person) {
      Object.assign(env, {
        GIT_AUTHOR_NAME: person.name,
        GIT_AUTHOR_EMAIL: person.email,
        GIT_COMMITTER_NAME: person.name,
        GIT_COMMITTER_EMAIL: person.email,
      });
    }
    return env;
  }

  git(...args) {
    return this.gitAs(undefined, ...args);
  }

  gitAs(person, ...args) {
    return execFileSync('git', args, { cwd: this.dir, env: this.env(person), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  }

  write(files) {
    for (const [file, content] of Object.entries(files)) {
      const p = path.join(this.dir, file);
      fs.mkdirSync(path.dirname(p), { recursive: true });
      fs.writeFileSync(p, content);
    }
  }

  /** Writes the files, stages everything, commits; returns the new full sha. */
  commit(message, files = {}, person) {
    this.write(files);
    this.git('add', '-A');
    this.gitAs(person, 'commit', '-q', '--allow-empty', '-m', message);
    return this.git('rev-parse', 'HEAD');
  }

  revert(sha, person) {
    this.gitAs(person, 'revert', '--no-edit', sha);
    return this.git('rev-parse', 'HEAD');
  }

  tag(name, message, person) {
    this.gitAs(person, 'tag', '-a', name, '-m', message);
  }
}

/** The workspace every integration/UI run starts from: a real repo with a couple of commits. */
export function seedTestWorkspace(dir, home) {
  const repo = GitRepo.init(dir, home);
  repo.commit('Initial commit', {
    'README.md': '# Sample service\n',
    'src/price.js': 'export function price(cents) {\n  return cents / 100;\n}\n',
  });
  repo.commit('Add currency formatting', {
    'src/format.js': "export function format(amount) {\n  return `$${amount.toFixed(2)}`;\n}\n",
  });
  return repo;
}

/** Adds a shipped-then-reverted change, so views that list reverts have something to show. */
export function addRevertedChange(repo) {
  const bad = repo.commit('Round prices to whole dollars', {
    'src/price.js': 'export function price(cents) {\n  return Math.round(cents / 100);\n}\n',
  });
  return { bad, revert: repo.revert(bad) };
}
