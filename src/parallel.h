#pragma once
// Runs work(i) for i in [0, count) on `jobs` threads and hands each result to
// consume(result) in index order, on the calling thread, as soon as it and
// all before it are done. At most a few results per thread wait to be
// consumed, so memory does not grow with `count`.

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace digestlint {

template <typename Result, typename Work, typename Consume>
void ForEachInOrder(size_t count, size_t jobs, Work work, Consume consume) {
  if (jobs <= 1 || count <= 1) {
    for (size_t i = 0; i < count; ++i) consume(work(i));
    return;
  }
  const size_t window = 4 * jobs;  // results allowed ahead of the consumer
  std::vector<std::optional<Result>> slots(window);
  std::mutex mutex;
  std::condition_variable changed;
  size_t consumed = 0;
  size_t next = 0;
  const auto worker = [&] {
    for (;;) {
      size_t index = 0;
      {
        std::unique_lock<std::mutex> lock(mutex);
        changed.wait(lock, [&] { return next >= count || next < consumed + window; });
        if (next >= count) return;
        index = next++;
      }
      Result result = work(index);
      {
        std::lock_guard<std::mutex> lock(mutex);
        slots[index % window] = std::move(result);
      }
      changed.notify_all();
    }
  };
  std::vector<std::thread> threads;
  for (size_t t = 0; t < std::min(jobs, count); ++t) threads.emplace_back(worker);
  while (consumed < count) {
    std::optional<Result> result;
    {
      std::unique_lock<std::mutex> lock(mutex);
      changed.wait(lock, [&] { return slots[consumed % window].has_value(); });
      result = std::move(slots[consumed % window]);
      slots[consumed % window].reset();
    }
    consume(std::move(*result));
    {
      std::lock_guard<std::mutex> lock(mutex);
      ++consumed;
    }
    changed.notify_all();
  }
  for (std::thread& thread : threads) thread.join();
}

}  // namespace digestlint
