#pragma once
// The server's main loop: bytes from `input` to framed messages, answers to
// `output`, linting whenever no message is waiting.

#include <ostream>
#include <string>
#include <vector>

#include "server/language_server.h"

namespace digestlint::server {

/// Serves until `exit` or the end of input; returns the exit status
/// (0 after shutdown then exit, else 1).
int RunServer(int input, int output, const ServerOptions& options = {});

/// `digestlint server [--drafts] [--stdio] [--help]` (args[0] is "server"): serves on stdin and stdout.
int ServerCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace digestlint::server
