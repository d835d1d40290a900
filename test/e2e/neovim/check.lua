-- Headless Neovim (0.7+) as a second LSP client of kube-storage-language-server.
-- Opens $KS_FILE, waits for diagnostics, hovers at $KS_HOVER_LINE/$KS_HOVER_COL (1-based) and
-- prints machine-readable lines: DIAG <line> <col> <code> <message>, HOVER <text>, then OK.
vim.cmd('filetype on')
local file = os.getenv('KS_FILE')
local server = os.getenv('KS_SERVER')
local hover_line = tonumber(os.getenv('KS_HOVER_LINE'))
local hover_col = tonumber(os.getenv('KS_HOVER_COL'))
local out = function(s) io.stdout:write(s .. '\n') end

vim.cmd('edit ' .. file)
local bufnr = vim.api.nvim_get_current_buf()
local diagnostics = nil

local client_id = vim.lsp.start_client({
  name = 'kube-storage',
  cmd = { 'node', server, '--stdio' },
  root_dir = vim.fn.fnamemodify(file, ':h'),
  init_options = { locale = os.getenv('KS_LOCALE') or 'en' },
  handlers = {
    ['textDocument/publishDiagnostics'] = function(_, result)
      if result and result.uri == vim.uri_from_bufnr(bufnr) then
        diagnostics = result.diagnostics
      end
    end,
  },
})
vim.lsp.buf_attach_client(bufnr, client_id)

local client = vim.lsp.get_client_by_id(client_id)
if not vim.wait(15000, function() return client.initialized end, 50) then
  out('FAIL not initialized')
  vim.cmd('qa!')
end
if not vim.wait(15000, function() return diagnostics ~= nil end, 50) then
  out('FAIL no diagnostics')
  vim.cmd('qa!')
end
for _, d in ipairs(diagnostics) do
  out(string.format('DIAG %d %d %s %s', d.range.start.line, d.range.start.character, tostring(d.code), d.message:gsub('\n', ' ')))
end

local params = {
  textDocument = { uri = vim.uri_from_bufnr(bufnr) },
  position = { line = hover_line - 1, character = hover_col - 1 },
}
local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', params, 10000)
local hover_text = nil
for _, response in pairs(responses or {}) do
  local contents = response.result and response.result.contents
  if contents then hover_text = type(contents) == 'table' and (contents.value or contents[1]) or contents end
end
if hover_text then
  out('HOVER ' .. hover_text:gsub('\n', ' '))
  out('OK')
else
  out('FAIL no hover')
end
vim.lsp.stop_client(client_id)
vim.cmd('qa!')
