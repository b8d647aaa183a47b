import { describe, expect, it } from 'vitest';
import { MAX_SCRIPT_BYTES, TEMPLATES, createTestInput, emptyTest, runnerOf, swapTemplate, updateTestInput, validateScript, validateTest } from './testForm';

describe('test form', () => {
  it('picks the runner from the type', () => {
    expect(runnerOf('PERFORMANCE')).toBe('K6');
    expect(['BROWSER', 'API', 'DATABASE', 'CUSTOM'].map((t) => runnerOf(t as 'API'))).toEqual(['PLAYWRIGHT', 'PLAYWRIGHT', 'PLAYWRIGHT', 'PLAYWRIGHT']);
  });

  it('starts from a template that uses the vigil helper', () => {
    expect(emptyTest('PERFORMANCE').script).toBe(TEMPLATES.K6);
    expect(TEMPLATES.K6).toContain("from './vigil.js'");
    expect(TEMPLATES.PLAYWRIGHT).toContain("from './vigil'");
    expect(TEMPLATES.PLAYWRIGHT).toContain("getSecret('PASSWORD')");
  });

  it('runs in a new project: BASE_URL is read only when the project has it', () => {
    for (const script of [TEMPLATES.K6, TEMPLATES.PLAYWRIGHT]) {
      // Every read of BASE_URL is guarded by hasVariable, with a literal URL otherwise.
      const reads = script.match(/getVariable\('BASE_URL'\)/g) ?? [];
      const guarded = script.match(/hasVariable\('BASE_URL'\) \? getVariable\('BASE_URL'\) : 'https:\/\/example\.com'/g) ?? [];
      expect(reads.length).toBe(1);
      expect(guarded.length).toBe(1);
    }
  });

  it('swaps the template with the runner, never a script someone wrote', () => {
    expect(swapTemplate(TEMPLATES.PLAYWRIGHT, 'BROWSER', 'PERFORMANCE')).toBe(TEMPLATES.K6);
    expect(swapTemplate(TEMPLATES.K6, 'PERFORMANCE', 'API')).toBe(TEMPLATES.PLAYWRIGHT);
    expect(swapTemplate('', 'BROWSER', 'PERFORMANCE')).toBe(TEMPLATES.K6);
    expect(swapTemplate('my script', 'BROWSER', 'PERFORMANCE')).toBe('my script');
    expect(swapTemplate(TEMPLATES.PLAYWRIGHT, 'BROWSER', 'API')).toBe(TEMPLATES.PLAYWRIGHT);
  });

  it('checks the script like the server', () => {
    expect(validateScript('  \n')).toMatch(/must not be empty/);
    expect(validateScript('a\0b')).toMatch(/NUL/);
    expect(validateScript('é'.repeat(MAX_SCRIPT_BYTES / 2))).toBeNull();
    expect(validateScript('é'.repeat(MAX_SCRIPT_BYTES / 2 + 1))).toMatch(/at most 256 KiB/);
    expect(validateTest({ ...emptyTest(), title: ' ' })).toEqual({ title: 'Title is required' });
  });

  it('builds the inputs', () => {
    const values = { ...emptyTest('PERFORMANCE'), title: ' Load ', description: ' ', tagIds: ['t1'] };
    expect(createTestInput('p1', values)).toEqual({ projectId: 'p1', title: 'Load', description: undefined, type: 'PERFORMANCE', priority: 'MEDIUM', script: TEMPLATES.K6, tagIds: ['t1'] });
    // An empty description on update clears it.
    expect(updateTestInput(values).description).toBe('');
  });
});
