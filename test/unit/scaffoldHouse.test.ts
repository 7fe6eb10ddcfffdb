import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { NothingToTestError, planTestScaffold } from '../../src/core/scaffold';
import { TempRepo, useTempRepos } from '../helpers/tempRepo';

// Findings of the real-repository evaluation (docs/scaffold-eval.md), each as a small real repository.
const LICENSE = ['/*', ' * Licensed to the Example Foundation under one or more contributor', ' * license agreements. See the NOTICE file for details.', ' */'];
const POM = '<project><dependencies><dependency><groupId>org.junit.jupiter</groupId><artifactId>junit-jupiter</artifactId></dependency></dependencies></project>\n';
const javaFile = (body: string): string => `${LICENSE.join('\n')}\npackage org.example;\n\n${body}\n`;

describe('scaffold copies the repository’s file header (license block, magic comment)', function () {
  this.timeout(60_000);
  const make = useTempRepos();

  it('Java: the license block every test beside it carries comes first (Apache RAT would fail the file without it)', async () => {
    const repo = make();
    repo.commit('init', {
      'pom.xml': POM,
      'src/main/java/org/example/Calc.java': javaFile('public class Calc {\n    public int twice(int x) {\n        return x + x;\n    }\n}'),
      'src/test/java/org/example/CalcTest.java': javaFile('class CalcTest {\n}'),
      'src/test/java/org/example/OtherTest.java': javaFile('class OtherTest {\n}'),
    });
    const sha = repo.commit('Twice via multiply', { 'src/main/java/org/example/Calc.java': javaFile('public class Calc {\n    public int twice(int x) {\n        return 2 * x;\n    }\n}') });
    const plan = await planTestScaffold(repo.path, sha);
    assert.equal(plan.path, 'src/test/java/org/example/CalcRegressionTest.java');
    assert.deepEqual(plan.content.split('\n').slice(0, LICENSE.length), LICENSE);
    assert.match(plan.content, /^package org\.example;$/m);
    assert.match(plan.content.split('\n')[plan.cursor.line], /OWN-IT-PLACEHOLDER/, 'the cursor still lands on the placeholder');
  });

  it('no header when the files beside the test disagree or have none', async () => {
    const repo = make();
    repo.commit('init', {
      'pom.xml': POM,
      'src/main/java/org/example/Calc.java': 'package org.example;\n\npublic class Calc {\n    public int twice(int x) {\n        return x + x;\n    }\n}\n',
      'src/test/java/org/example/CalcTest.java': javaFile('class CalcTest {\n}'),
      'src/test/java/org/example/OtherTest.java': 'package org.example;\n\nclass OtherTest {\n}\n',
    });
    const sha = repo.commit('Twice via multiply', { 'src/main/java/org/example/Calc.java': 'package org.example;\n\npublic class Calc {\n    public int twice(int x) {\n        return 2 * x;\n    }\n}\n' });
    const plan = await planTestScaffold(repo.path, sha);
    assert.doesNotMatch(plan.content, /Licensed to/);
  });

  it('Ruby: `# frozen_string_literal: true` is the first line when the specs beside it start so (RuboCop default)', async () => {
    const repo = make();
    const frozen = (s: string): string => `# frozen_string_literal: true\n\n${s}`;
    repo.commit('init', {
      Gemfile: "gem 'rspec'\n",
      '.rspec': '--require spec_helper\n',
      'lib/shop/cart.rb': frozen('module Shop\n  class Cart\n    def total(items)\n      items.sum\n    end\n  end\nend\n'),
      'spec/shop/cart_spec.rb': frozen("RSpec.describe 'cart' do\nend\n"),
      'spec/shop/till_spec.rb': frozen("RSpec.describe 'till' do\nend\n"),
    });
    const sha = repo.commit('Total ignores nils', { 'lib/shop/cart.rb': frozen('module Shop\n  class Cart\n    def total(items)\n      items.compact.sum\n    end\n  end\nend\n') });
    const plan = await planTestScaffold(repo.path, sha);
    assert.equal(plan.content.split('\n')[0], '# frozen_string_literal: true');
    if (spawnSync('sh', ['-c', 'command -v ruby']).status === 0) {
      const check = spawnSync('ruby', ['-c', '-e', plan.content], { encoding: 'utf8' });
      assert.equal(check.status, 0, check.stderr);
    }
  });

  it('Go: a line-comment license goes before the kept build constraint; the file still parses', async function () {
    if (spawnSync('sh', ['-c', 'command -v gofmt']).status !== 0) this.skip();
    const repo = make();
    const lic = '// Copyright 2020 The Example Authors. All rights reserved.\n// Use of this source code is governed by a BSD-style license.\n\n';
    repo.commit('init', {
      'go.mod': 'module example.com/m\n',
      'a/a_linux.go': `${lic}//go:build linux\n\npackage a\n\nfunc F() int {\n\treturn 1\n}\n`,
      'a/b_test.go': `${lic}package a\n`,
    });
    const sha = repo.commit('Change F', { 'a/a_linux.go': `${lic}//go:build linux\n\npackage a\n\nfunc F() int {\n\treturn 2\n}\n` });
    const plan = await planTestScaffold(repo.path, sha);
    const lines = plan.content.split('\n');
    assert.match(lines[0], /^\/\/ Copyright 2020/);
    assert.ok(lines.indexOf('//go:build linux') > 1 && lines.indexOf('//go:build linux') < lines.findIndex((l) => l.startsWith('package ')));
    const r = spawnSync('gofmt', ['-e', '-l'], { input: plan.content, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
  });
});

describe('scaffold never targets files the library does not run (evaluation finding)', function () {
  this.timeout(60_000);
  it('a culprit that changed only a type-checker example or the docs gets no test, with the reason', async () => {
    const repo = TempRepo.create();
    try {
      repo.commit('init', {
        'pyproject.toml': '[project]\nname = "pkg"\n',
        'pkg/__init__.py': 'def f():\n    return 1\n',
        'tests/test_f.py': 'from pkg import f\n\ndef test_f():\n    assert f() == 1\n',
        'typing-examples/baseline.py': 'import pkg\n\nx: int = pkg.f()\n',
        'docs/conf.py': 'project = "pkg"\n',
      });
      const sha = repo.commit('Tweak typing example and docs', { 'typing-examples/baseline.py': 'import pkg\n\ny: int = pkg.f()\n', 'docs/conf.py': 'project = "pkg!"\n' });
      await assert.rejects(planTestScaffold(repo.path, sha), (e: unknown) => e instanceof NothingToTestError);
      // The library itself is still a target.
      const lib = repo.commit('Change f', { 'pkg/__init__.py': 'def f():\n    return 2\n' });
      assert.equal((await planTestScaffold(repo.path, lib)).target.file, 'pkg/__init__.py');
    } finally {
      repo.dispose();
    }
  });
});
