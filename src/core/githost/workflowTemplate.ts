/**
 * The CI files `own-it init ci` writes (GitHub Actions) and prints (GitLab CI). Actions are
 * pinned to full commit shas (a moved tag cannot change what runs), the token gets only the
 * permissions the job uses, and one concurrency group keeps two runs from posting twice.
 */

/** Pinned actions: `owner/repo@<sha>` and the release the sha is, for the comment next to it. */
export const PINNED_ACTIONS = {
  checkout: { uses: 'actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1', version: 'v7.0.1' },
  setupNode: { uses: 'actions/setup-node@820762786026740c76f36085b0efc47a31fe5020', version: 'v7.0.0' },
  cache: { uses: 'actions/cache@27d5ce7f107fe9357f9df03efb73ab90386fccae', version: 'v5.0.5' },
} as const;

export const WORKFLOW_PATH = '.github/workflows/own-it.yml';

/** Branch names go into YAML flow sequences and shell words: only plain names are accepted. */
export const PLAIN_BRANCH_NAME = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,99}$/;

export interface WorkflowOptions {
  defaultBranch: string;
  /** The npm package spec the job runs, e.g. `own-it@0.1.0` (an exact version, never a range). */
  cliPackage: string;
}

/**
 * `own-it ci` on every push to the default branch (and by hand). The state file lives in the
 * Actions cache: each run saves a new entry and restores the newest by prefix.
 */
export function githubWorkflow({ defaultBranch, cliPackage }: WorkflowOptions): string {
  const a = PINNED_ACTIONS;
  return `# Own It: after each push to ${defaultBranch}, look for new reverts, rollbacks and deploys that
# needed a hotfix, and post one calm note (on the pull request, or as an issue) for each one no
# incident file names yet. Written by "own-it init ci"; edit freely.
name: Own It

on:
  push:
    branches: [${defaultBranch}]
  workflow_dispatch:

permissions:
  contents: read

concurrency:
  group: own-it-\${{ github.ref }}
  cancel-in-progress: false

jobs:
  own-it:
    runs-on: ubuntu-latest
    timeout-minutes: 15
    permissions:
      contents: read
      issues: write
      pull-requests: write
    env:
      OWN_IT: npm exec --yes --package=${cliPackage} -- own-it
      OWN_IT_STATE: .own-it/ci-state.json
    steps:
      - uses: ${a.checkout.uses} # ${a.checkout.version}
        with:
          fetch-depth: 0
          persist-credentials: false
      - uses: ${a.setupNode.uses} # ${a.setupNode.version}
        with:
          node-version: 20
      - uses: ${a.cache.uses} # ${a.cache.version}
        with:
          path: .own-it
          key: own-it-ci-\${{ github.run_id }}
          restore-keys: own-it-ci-
      - name: Fetch deploy tags
        run: git fetch --tags --force --quiet origin
      - name: Note new reverts and failed deploys
        env:
          GITHUB_TOKEN: \${{ secrets.GITHUB_TOKEN }}
        run: $OWN_IT ci --state "$OWN_IT_STATE"
`;
}

/** The same job for GitLab CI (\`.gitlab-ci.yml\`); without a GitHub token it prints its notes to the job log. */
export function gitlabJob({ cliPackage }: WorkflowOptions): string {
  return `# Own It for GitLab CI: add this job to .gitlab-ci.yml. It runs on the default branch and keeps
# its state in the CI cache. Without GITHUB_TOKEN it writes its notes to the job log.
own-it:
  image: node:20
  rules:
    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
  resource_group: own-it
  variables:
    GIT_DEPTH: "0"
    GIT_FETCH_EXTRA_FLAGS: --tags
    OWN_IT_STATE: .own-it/ci-state.json
  cache:
    key: own-it-ci
    paths:
      - .own-it/
  script:
    - npm exec --yes --package=${cliPackage} -- own-it ci --state "$OWN_IT_STATE"
`;
}
