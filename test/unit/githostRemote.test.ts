import * as assert from 'node:assert/strict';
import { isGitHubDotCom, originUrl, parseGitHubRemote, recentRemoteCommits, webHostForApiUrl } from '../../src/core/githost';
import { TempRepo } from '../helpers/tempRepo';

describe('GitHub remote URLs', () => {
  const shop = { host: 'github.com', owner: 'acme', repo: 'shop' };
  const cases: [string, ReturnType<typeof parseGitHubRemote>][] = [
    ['https://github.com/acme/shop.git', shop],
    ['https://github.com/acme/shop', shop],
    ['https://github.com/acme/shop/', shop],
    ['https://x-access-token:abc@github.com/acme/shop.git', shop],
    ['http://GitHub.com/acme/shop.git', shop],
    ['git@github.com:acme/shop.git', shop],
    ['git@github.com:acme/shop', shop],
    ['github.com:acme/shop.git', shop],
    ['ssh://git@github.com/acme/shop.git', shop],
    ['ssh://git@github.com:22/acme/shop.git', shop],
    ['ssh://git@ssh.github.com:443/acme/shop.git', shop],
    ['git+ssh://git@github.com/acme/shop.git', shop],
    ['git://github.com/acme/shop.git', shop],
    ['  https://github.com/acme/shop.git\n', shop],
    ['https://github.com/acme/my.site.git', { host: 'github.com', owner: 'acme', repo: 'my.site' }],
    ['https://ghe.example.com/platform/api-gateway.git', { host: 'ghe.example.com', owner: 'platform', repo: 'api-gateway' }],
    ['git@ghe.example.com:platform/api-gateway.git', { host: 'ghe.example.com', owner: 'platform', repo: 'api-gateway' }],
    ['ssh://git@ghe.example.com:7999/platform/api-gateway.git', { host: 'ghe.example.com', owner: 'platform', repo: 'api-gateway' }],
    ['https://github.com/acme', undefined],
    ['https://github.com/acme/shop/tree/main', undefined],
    ['https://github.com/../shop.git', undefined],
    ['https://github.com/acme/...git', undefined],
    ['https://github.com/-acme/shop', undefined],
    ['/srv/git/shop.git', undefined],
    ['../shop', undefined],
    ['file:///srv/git/acme/shop.git', undefined],
    ['C:/repos/acme/shop', undefined],
    ['C:\\repos\\shop', undefined],
    ['', undefined],
    ['https://', undefined],
  ];
  for (const [url, expected] of cases) {
    it(`${JSON.stringify(url)} → ${expected ? `${expected.host} ${expected.owner}/${expected.repo}` : 'not GitHub'}`, () => {
      assert.deepEqual(parseGitHubRemote(url), expected);
    });
  }

  it('maps API base URLs to the web host their remotes use', () => {
    assert.equal(webHostForApiUrl('https://api.github.com'), 'github.com');
    assert.equal(webHostForApiUrl('https://api.github.com/'), 'github.com');
    assert.equal(webHostForApiUrl('https://ghe.example.com/api/v3'), 'ghe.example.com');
    assert.equal(webHostForApiUrl('https://api.acme.ghe.com'), 'acme.ghe.com');
    assert.equal(isGitHubDotCom('https://api.github.com'), true);
    assert.equal(isGitHubDotCom('https://ghe.example.com/api/v3'), false);
    assert.throws(() => webHostForApiUrl('not a url'));
  });
});

describe('GitHub remote facts from a real clone', function () {
  this.timeout(20000);
  let repo: TempRepo;
  afterEach(() => repo.dispose());

  it('reads origin, or nothing when there is no origin', async () => {
    repo = TempRepo.create();
    repo.commit('one', { 'a.txt': '1\n' });
    assert.equal(await originUrl(repo.path), undefined);
    repo.git('remote', 'add', 'origin', 'git@github.com:acme/shop.git');
    assert.equal(await originUrl(repo.path), 'git@github.com:acme/shop.git');
    assert.deepEqual(parseGitHubRemote((await originUrl(repo.path)) ?? ''), { host: 'github.com', owner: 'acme', repo: 'shop' });
  });

  it('lists recent first-parent commits of origin/<default branch>, newest first', async () => {
    const remote = TempRepo.create({ bare: true });
    try {
      repo = TempRepo.create();
      const c1 = repo.commit('one', { 'a.txt': '1\n' });
      const c2 = repo.commit('two', { 'a.txt': '2\n' });
      repo.git('checkout', '-q', '-b', 'topic');
      const side = repo.commit('side', { 'b.txt': 'b\n' });
      repo.git('checkout', '-q', 'main');
      const c3 = repo.commit('three', { 'a.txt': '3\n' });
      repo.git('merge', '-q', '--no-ff', '-m', 'merge topic', 'topic');
      const merge = repo.git('rev-parse', 'HEAD').trim();
      repo.git('remote', 'add', 'origin', remote.path);
      repo.git('push', '-q', 'origin', 'main');
      repo.git('fetch', '-q', 'origin');
      const local = repo.commit('not pushed', { 'a.txt': '4\n' });

      const shas = await recentRemoteCommits(repo.path, 'main', 10);
      assert.deepEqual(shas, [merge, c3, c2, c1]);
      assert.ok(!shas.includes(side) && !shas.includes(local));
      assert.deepEqual(await recentRemoteCommits(repo.path, 'main', 2), [merge, c3]);
      assert.deepEqual(await recentRemoteCommits(repo.path, 'develop', 10), [], 'a branch not fetched');
      assert.deepEqual(await recentRemoteCommits(repo.path, '--all', 10), [], 'never an option');
      assert.deepEqual(await recentRemoteCommits(repo.path, 'main..HEAD', 10), []);
    } finally {
      remote.dispose();
    }
  });
});
