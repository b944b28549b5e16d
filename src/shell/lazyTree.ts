// A plain require: esbuild would wrap `import * as` in an interop copy of the whole API per file.
import vscode = require('vscode');

/**
 * Stands in for the real tree provider until the app is loaded: VS Code asking for the first
 * rows is what loads it. From then on every call and change event is passed through.
 */
export class LazyTreeProvider implements vscode.TreeDataProvider<string>, vscode.Disposable {
  private target: vscode.TreeDataProvider<string> | undefined;
  private readonly changed = new vscode.EventEmitter<string | undefined | void>();
  readonly onDidChangeTreeData = this.changed.event;
  private forwarding: vscode.Disposable | undefined;

  constructor(private readonly load: () => Promise<vscode.TreeDataProvider<string>>) {}

  attach(target: vscode.TreeDataProvider<string>): void {
    this.target = target;
    this.forwarding = target.onDidChangeTreeData?.((e) => this.changed.fire(e as string | undefined));
  }

  async getChildren(id?: string): Promise<string[]> {
    const target = this.target ?? (await this.load());
    return (await target.getChildren(id)) ?? [];
  }

  getTreeItem(id: string): vscode.TreeItem | Thenable<vscode.TreeItem> {
    // VS Code asks for items only after getChildren returned them, so the app is loaded by then.
    return this.target ? this.target.getTreeItem(id) : new vscode.TreeItem(id);
  }

  getParent(id: string): vscode.ProviderResult<string> {
    return this.target?.getParent?.(id);
  }

  dispose(): void {
    this.forwarding?.dispose();
    this.changed.dispose();
  }
}
