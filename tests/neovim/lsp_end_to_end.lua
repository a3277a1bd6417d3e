-- Neovim's built-in LSP client against `digestlint server`, headless:
--   DIGESTLINT_BINARY=... DIGESTLINT_POST=... DIGESTLINT_RESULT=... \
--     nvim --headless --clean -u NONE -c 'luafile tests/neovim/lsp_end_to_end.lua'
-- It opens the post, records the diagnostics Neovim shows, applies the quick
-- fix of the DL401 diagnostic through vim.lsp.buf.code_action() (the command a
-- user runs), then edits a paper number and waits for the new DL401. What it
-- saw goes to DIGESTLINT_RESULT as JSON; server_neovim_test.cc checks it.
-- Written for Neovim 0.7 (Debian bookworm): vim.lsp.start_client and buf_attach_client.

local binary = assert(os.getenv("DIGESTLINT_BINARY"))
local post = assert(os.getenv("DIGESTLINT_POST"))
local result_file = assert(os.getenv("DIGESTLINT_RESULT"))
local result = {}

local function finish(ok, problem)
  result.ok = ok
  result.problem = problem and tostring(problem) or nil
  local file = assert(io.open(result_file, "w"))
  file:write(vim.fn.json_encode(result))
  file:close()
  vim.cmd(ok and "qall!" or "cquit!")
end

local function wait(what, condition)
  if not vim.wait(20000, condition, 10) then
    error("timed out waiting for " .. what)
  end
end

local ok, problem = pcall(function()
  vim.cmd("edit " .. vim.fn.fnameescape(post))
  local buffer = vim.api.nvim_get_current_buf()
  local client_id = vim.lsp.start_client({
    name = "digestlint",
    cmd = { binary, "server" },
    root_dir = vim.fn.fnamemodify(post, ":h"),
  })
  assert(client_id, "vim.lsp.start_client failed")
  assert(vim.lsp.buf_attach_client(buffer, client_id), "vim.lsp.buf_attach_client failed")
  local namespace = vim.lsp.diagnostic.get_namespace(client_id)

  -- Neovim's diagnostics, with columns in code points (Neovim counts bytes), 1-based like the CLI's.
  local function shown()
    local lines = vim.api.nvim_buf_get_lines(buffer, 0, -1, false)
    local function column(line, byte)
      local text = lines[line + 1] or ""
      if byte > #text then
        return vim.str_utfindex(text) + (byte - #text) + 1
      end
      return vim.str_utfindex(text, byte) + 1
    end
    local list = {}
    for _, d in ipairs(vim.diagnostic.get(buffer, { namespace = namespace })) do
      table.insert(list, {
        code = d.code,
        line = d.lnum + 1,
        column = column(d.lnum, d.col),
        end_line = d.end_lnum + 1,
        end_column = column(d.end_lnum, d.end_col),
        severity = d.severity,
        message = d.message,
      })
    end
    table.sort(list, function(a, b)
      if a.line ~= b.line then return a.line < b.line end
      if a.column ~= b.column then return a.column < b.column end
      return a.code < b.code
    end)
    return list
  end
  local function find(code)
    for _, d in ipairs(vim.diagnostic.get(buffer, { namespace = namespace })) do
      if d.code == code then return d end
    end
  end

  wait("the first diagnostics", function() return #shown() > 0 end)
  result.initial = shown()
  result.offset_encoding = vim.lsp.get_client_by_id(client_id).offset_encoding

  -- The quick fix, as a user picks it from :lua vim.lsp.buf.code_action().
  local numbering = assert(find("DL401"), "no DL401 diagnostic")
  local row = numbering.lnum
  vim.api.nvim_win_set_cursor(0, { row + 1, numbering.col })
  result.offered = {}
  vim.ui.select = function(items, _, on_choice)
    local chosen
    for _, item in ipairs(items) do
      table.insert(result.offered, item[2].title)
      if item[2].title == "Fix DL401 paper-numbering" then chosen = item end
    end
    on_choice(chosen)
  end
  local before = vim.api.nvim_buf_get_lines(buffer, row, row + 1, false)[1]
  vim.lsp.buf.code_action()
  wait("the quick fix to change the line", function()
    return vim.api.nvim_buf_get_lines(buffer, row, row + 1, false)[1] ~= before
  end)
  result.fixed_line = vim.api.nvim_buf_get_lines(buffer, row, row + 1, false)[1]
  wait("DL401 to go away", function() return find("DL401") == nil end)
  result.after_fix = shown()

  -- Hover on a remaining diagnostic shows its rule's documentation.
  local date = assert(find("DL106"), "no DL106 diagnostic")
  local hover = vim.lsp.buf_request_sync(buffer, "textDocument/hover", {
    textDocument = { uri = vim.uri_from_bufnr(buffer) },
    position = { line = date.lnum, character = date.col + 1 },
  }, 10000)
  result.hover = hover and hover[client_id] and hover[client_id].result and hover[client_id].result.contents.value

  -- Typing a wrong paper number: "# 2." becomes "# 5.".
  vim.api.nvim_buf_set_text(buffer, row, 2, row, 3, { "5" })
  wait("a numbering error after the edit", function() return find("DL401") ~= nil end)
  result.after_edit = shown()
  result.modified = vim.bo[buffer].modified
end)

finish(ok, problem)
