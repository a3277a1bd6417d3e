#pragma once
// Replaces a file's contents all at once: a reader (or a crash) sees either
// the old bytes or the new ones, never a mix.

#include <string>

namespace digestlint {

/// Writes `contents` to an unnamed temporary file (O_TMPFILE) in the target's
/// folder, fsyncs it, gives it the target's mode (and owner, as root), links it
/// as ".NAME.digestlint-N" and renames that over the target. Through a
/// symlink the link's target is replaced and the link stays. A process killed
/// between the link and the rename leaves that one name behind; the next
/// WriteFileAtomically for the same target removes it.
/// Returns "" on success, else why it failed (the target is then untouched).
std::string WriteFileAtomically(const std::string& path, const std::string& contents);

}  // namespace digestlint
