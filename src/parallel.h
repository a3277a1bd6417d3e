#pragma once
// Runs work(i) for i in [0, count) on `jobs` threads and hands each result to
// consume(result) in index order, on the calling thread, as soon as it and
// all before it are done. At most a few results per thread wait to be
// consumed, so memory does not grow with `count`.

#include <algorithm>
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
  // Two conditions, each signalled only when someone can be waiting on it:
  // waking every thread for every result cost more system time than the work.
  std::condition_variable result_ready;  // the consumer's next result is in
  std::condition_variable window_open;   // a worker may take another index
  size_t consumed = 0;
  size_t next = 0;
  size_t workers_waiting = 0;
  const auto worker = [&] {
    for (;;) {
      size_t index = 0;
      {
        std::unique_lock<std::mutex> lock(mutex);
        ++workers_waiting;
        window_open.wait(lock, [&] { return next >= count || next < consumed + window; });
        --workers_waiting;
        if (next >= count) return;
        index = next++;
      }
      Result result = work(index);
      bool wanted_now = false;
      {
        std::lock_guard<std::mutex> lock(mutex);
        slots[index % window] = std::move(result);
        wanted_now = index == consumed;
      }
      if (wanted_now) result_ready.notify_one();
    }
  };
  std::vector<std::thread> threads;
  for (size_t t = 0; t < std::min(jobs, count); ++t) threads.emplace_back(worker);
  while (consumed < count) {
    std::optional<Result> result;
    {
      std::unique_lock<std::mutex> lock(mutex);
      result_ready.wait(lock, [&] { return slots[consumed % window].has_value(); });
      result = std::move(slots[consumed % window]);
      slots[consumed % window].reset();
    }
    consume(std::move(*result));
    bool wake_workers = false;
    {
      std::lock_guard<std::mutex> lock(mutex);
      ++consumed;
      wake_workers = workers_waiting > 0;
    }
    if (wake_workers) window_open.notify_all();
  }
  for (std::thread& thread : threads) thread.join();
}

}  // namespace digestlint
