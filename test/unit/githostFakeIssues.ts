/**
 * The issue side of the fake GitHub (githostFakeServer.ts): issues, comments, labels, the pull
 * requests of a commit and issue search, with GitHub's documented shapes and status codes.
 */
export interface FakeComment {
  id: number;
  body: string;
}

export interface FakeIssue {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  state_reason: string | null;
  labels: string[];
  comments: FakeComment[];
  /** Pull requests are issues too (they share numbers and comments). */
  pull: boolean;
}

/** An answer other than 200 with a body. */
export class Answer {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {}
}

export interface FakeRequest {
  method: string;
  /** The path after `/repos/{owner}/{repo}`. */
  rest: string;
  query: URLSearchParams;
  body: Record<string, unknown>;
}

let nextCommentId = 5000;

export class FakeIssueTracker {
  readonly issues: FakeIssue[] = [];
  readonly labels = new Map<string, { name: string; color: string; description: string }>();
  /** sha → numbers of the pull requests that contain it (`GET /commits/{sha}/pulls`). */
  readonly pullsByCommit = new Map<string, number[]>();

  constructor(
    /** `owner/repo`. */
    readonly fullName: string,
    /** Web base of issue URLs, e.g. `https://github.com`. */
    readonly webBase = 'https://github.com',
  ) {}

  issue(n: number): FakeIssue | undefined {
    return this.issues.find((i) => i.number === n);
  }

  /** A pull request (an issue with `pull: true`) the tests can point commits at. */
  addPull(title: string, ...shas: string[]): FakeIssue {
    const pr = this.add({ title, body: '', labels: [], pull: true });
    for (const sha of shas) this.pullsByCommit.set(sha, [...(this.pullsByCommit.get(sha) ?? []), pr.number]);
    return pr;
  }

  add(fields: { title: string; body: string; labels: string[]; pull?: boolean }): FakeIssue {
    const issue: FakeIssue = { number: this.issues.length + 1, state: 'open', state_reason: null, comments: [], pull: false, ...fields };
    this.issues.push(issue);
    return issue;
  }

  json(i: FakeIssue): unknown {
    const kind = i.pull ? 'pull' : 'issues';
    return {
      number: i.number,
      title: i.title,
      body: i.body,
      state: i.state,
      state_reason: i.state_reason,
      html_url: `${this.webBase}/${this.fullName}/${kind}/${i.number}`,
      labels: i.labels.map((name) => ({ name })),
      ...(i.pull ? { pull_request: { url: `${this.webBase}/${this.fullName}/pull/${i.number}` } } : {}),
    };
  }

  /** undefined: not an issue route (the caller answers 404). */
  route(req: FakeRequest): unknown {
    const { method, rest, query, body } = req;
    if (rest === '/issues' && method === 'GET') {
      const labels = (query.get('labels') ?? '').split(',').filter(Boolean);
      const state = query.get('state') ?? 'open';
      const perPage = Number(query.get('per_page') ?? 30);
      const page = Number(query.get('page') ?? 1);
      const matching = this.issues.filter((i) => (state === 'all' || i.state === state) && labels.every((l) => i.labels.includes(l)));
      return matching.slice((page - 1) * perPage, page * perPage).map((i) => this.json(i));
    }
    if (rest === '/issues' && method === 'POST') {
      if (typeof body.title !== 'string' || body.title === '') return new Answer(422, { message: 'Validation Failed' });
      const labels = Array.isArray(body.labels) ? body.labels.map(String) : [];
      for (const name of labels) if (!this.labels.has(name)) this.labels.set(name, { name, color: 'ededed', description: '' });
      return new Answer(201, this.json(this.add({ title: body.title, body: typeof body.body === 'string' ? body.body : '', labels })));
    }
    const one = /^\/issues\/(\d+)(\/comments)?$/.exec(rest);
    if (one) {
      const issue = this.issue(Number(one[1]));
      if (!issue) return undefined;
      if (one[2]) {
        if (method === 'POST') {
          const comment = { id: nextCommentId++, body: String(body.body ?? '') };
          issue.comments.push(comment);
          return new Answer(201, comment);
        }
        return issue.comments.map((c) => ({ ...c }));
      }
      if (method === 'PATCH') {
        if (body.state === 'open' || body.state === 'closed') issue.state = body.state;
        issue.state_reason = typeof body.state_reason === 'string' ? body.state_reason : issue.state === 'closed' ? 'completed' : null;
      }
      return this.json(issue);
    }
    const label = /^\/labels\/([^/]+)$/.exec(rest);
    if (label && method === 'GET') return this.labels.get(decodeURIComponent(label[1]));
    if (rest === '/labels' && method === 'POST') {
      const name = String(body.name ?? '');
      if (this.labels.has(name)) return new Answer(422, { message: 'Validation Failed', errors: [{ code: 'already_exists' }] });
      const created = { name, color: String(body.color ?? 'ededed'), description: String(body.description ?? '') };
      this.labels.set(name, created);
      return new Answer(201, created);
    }
    const pulls = /^\/commits\/([0-9a-f]{7,64})\/pulls$/.exec(rest);
    if (pulls) return (this.pullsByCommit.get(pulls[1]) ?? []).map((n) => this.json(this.issue(n) as FakeIssue));
    return undefined;
  }

  /** `GET /search/issues`: `repo:`, `is:issue`, `in:body` qualifiers and quoted phrases, as GitHub reads them. */
  search(q: string): { total_count: number; incomplete_results: boolean; items: unknown[] } | undefined {
    const repo = /\brepo:(\S+)/.exec(q)?.[1];
    if (repo !== this.fullName) return undefined;
    const phrases = [...q.matchAll(/"([^"]+)"/g)].map((m) => m[1]);
    const items = this.issues.filter((i) => !i.pull && phrases.every((p) => i.body.includes(p))).map((i) => this.json(i));
    return { total_count: items.length, incomplete_results: false, items };
  }
}
