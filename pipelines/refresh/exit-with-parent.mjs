// Preloaded into the `astro build` child: exit when the parent process is gone (its parent id changes
// when it dies), so a refresh killed with SIGKILL leaves no build running on. Plain JS: loaded by --import.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) process.exit(1);
}, 250).unref();
