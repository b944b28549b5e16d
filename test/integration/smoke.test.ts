import * as assert from './assert';
import * as vscode from 'vscode';

const EXTENSION_ID = 'cert-study.cert-study-tracker';

describe('smoke', () => {
  it('the extension is installed in this window', () => {
    assert.ok(vscode.extensions.getExtension(EXTENSION_ID), `${EXTENSION_ID} not found`);
  });

  it('activates without throwing', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    await extension.activate();
    assert.strictEqual(extension.isActive, true);
  });
});
