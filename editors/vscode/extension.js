// Starts `calm lsp` for .calm files. The language client speaks LSP over the server's standard
// input and output; everything the editor shows comes from the server.
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

function activate(context) {
  const config = vscode.workspace.getConfiguration('calm');
  const command = config.get('server.command', 'calm');
  const args = ['lsp', ...config.get('server.args', [])];
  const serverOptions = {
    run: { command, args, transport: TransportKind.stdio },
    debug: { command, args, transport: TransportKind.stdio },
  };
  const clientOptions = {
    documentSelector: [{ scheme: 'file', language: 'calm' }, { scheme: 'untitled', language: 'calm' }],
  };
  client = new LanguageClient('calm', 'Calm', serverOptions, clientOptions);
  context.subscriptions.push({ dispose: () => client && client.stop() });
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
