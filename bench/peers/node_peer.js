#!/usr/bin/env node
// node_peer.js — the Node.js peer of bench/run.
//
// Usage: node [--expose-gc] node_peer.js WORKLOAD [--repeat N] [--budget SECONDS]
//   WORKLOAD: spawn | switch | timers | memory | http
// Prints one line per run in bench/run's format, e.g.
//   peer=node workload=switch n=1000000 seconds=0.31 per_op_ns=310
//
// Sections: shared helpers · spawn · switch · timers · memory · http · main
//
// Mapping of asyncio ideas onto Node (the same workloads as every peer; see bench/README.md):
//   task        an async function call (a Promise); created eagerly, it runs up to its first await
//   sleep(0)    `await new Promise(r => setImmediate(r))`: a macrotask that goes back through the
//               event loop, like asyncio.sleep(0); `await null` would only be a microtask hop.
//   sleep(ms)   `await new Promise(r => setTimeout(r, ms))` (Node's timers have 1 ms granularity;
//               setTimeout(0) means 1 ms, so the timers workload uses setImmediate for 0 ms).
//   gather      Promise.all
//   timers LCG  state = (state * 1103515245 + 12345) mod 2^31 from 12345, delay = state % 101 ms,
//               computed with Math.imul so it is exact in 32-bit arithmetic.
'use strict';
const fs = require('fs');
const net = require('net');

const BODY = 'Hello, world!';
const RESPONSE = Buffer.from(
    'HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 13\r\n\r\n' + BODY);
const REQUEST = Buffer.from('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');

// ---- shared helpers ------------------------------------------------------------------------
function now() { return Number(process.hrtime.bigint()) / 1e9; }
// CPU seconds (user + system) of the whole process, all threads (V8's GC helpers included).
function cpuNow() { const u = process.cpuUsage(); return (u.user + u.system) / 1e6; }
function yieldToLoop() { return new Promise((r) => setImmediate(r)); }
function sleepMs(ms) { return ms === 0 ? yieldToLoop() : new Promise((r) => setTimeout(r, ms)); }

function lcgDelaysMs(n, seed = 12345) {
  let state = seed;
  const out = new Array(n);
  for (let i = 0; i < n; i++) {
    state = (Math.imul(state, 1103515245) + 12345) & 0x7fffffff;
    out[i] = state % 101;
  }
  return out;
}

function rssBytes() {
  // The same source as the other peers: resident pages from /proc/self/statm.
  const pages = Number(fs.readFileSync('/proc/self/statm', 'utf8').split(' ')[1]);
  return pages * 4096;
}

function emit(workload, fields) {
  const parts = [`peer=node`, `workload=${workload}`];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Number.isInteger(v) ? `${k}=${v}` : `${k}=${Number(v.toPrecision(6))}`);
  }
  console.log(parts.join(' '));
}

// ---- spawn ---------------------------------------------------------------------------------
async function spawn(n = 100000) {
  async function child() { await yieldToLoop(); }
  const t0 = now(), c0 = cpuNow();
  const tasks = new Array(n);
  for (let i = 0; i < n; i++) tasks[i] = child();
  await Promise.all(tasks);
  const dt = now() - t0, cpu = cpuNow() - c0;
  return { n, seconds: dt, per_op_ns: dt / n * 1e9, cpu_seconds: cpu };
}

// ---- switch --------------------------------------------------------------------------------
async function switchWorkload(tasks = 1000, switches = 1000) {
  async function child() { for (let i = 0; i < switches; i++) await yieldToLoop(); }
  const t0 = now(), c0 = cpuNow();
  const all = [];
  for (let i = 0; i < tasks; i++) all.push(child());
  await Promise.all(all);
  const dt = now() - t0, cpu = cpuNow() - c0;
  const n = tasks * switches;
  return { n, seconds: dt, per_op_ns: dt / n * 1e9, cpu_seconds: cpu };
}

// ---- timers --------------------------------------------------------------------------------
async function timers(n = 100000) {
  const delays = lcgDelaysMs(n);
  let sum = 0, max = -Infinity;
  async function child(ms) {
    const start = now();
    await sleepMs(ms);
    const late = now() - start - ms / 1000;
    sum += late;
    if (late > max) max = late;
  }
  const t0 = now(), c0 = cpuNow();
  const all = new Array(n);
  for (let i = 0; i < n; i++) all[i] = child(delays[i]);
  await Promise.all(all);
  const dt = now() - t0, cpu = cpuNow() - c0;
  return { n, seconds: dt, mean_late_ms: sum / n * 1e3, max_late_ms: max * 1e3, cpu_seconds: cpu };
}

// ---- memory --------------------------------------------------------------------------------
async function memory(n = 100000) {
  async function child() { await sleepMs(1000); }
  if (global.gc) global.gc();
  const before = rssBytes();
  const all = new Array(n);
  for (let i = 0; i < n; i++) all[i] = child();
  await yieldToLoop();  // every task has run to its await and is parked on its timer
  const after = rssBytes();
  await Promise.all(all);
  return { n, rss_delta: after - before, bytes_per_task: (after - before) / n };
}

// ---- http (raw net sockets, minimal hand-written HTTP/1.1) ----------------------------------
async function http(clients = 100, requests = 100) {
  const server = net.createServer((sock) => {
    sock.setNoDelay(true);
    let buf = '';
    sock.on('data', (chunk) => {
      buf += chunk.toString('latin1');
      let end;
      while ((end = buf.indexOf('\r\n\r\n')) >= 0) {
        buf = buf.slice(end + 4);
        sock.write(RESPONSE);
      }
    });
    sock.on('error', () => {});
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const port = server.address().port;

  function client() {
    return new Promise((resolve, reject) => {
      const sock = net.connect(port, '127.0.0.1');
      sock.setNoDelay(true);
      let buf = '';
      let done = 0;
      sock.on('connect', () => sock.write(REQUEST));
      sock.on('data', (chunk) => {
        buf += chunk.toString('latin1');
        for (;;) {
          const end = buf.indexOf('\r\n\r\n');
          if (end < 0) return;
          const m = /content-length:\s*(\d+)/i.exec(buf.slice(0, end));
          const len = m ? Number(m[1]) : 0;
          if (buf.length < end + 4 + len) return;
          if (buf.slice(end + 4, end + 4 + len) !== BODY) { reject(new Error('bad body')); return; }
          buf = buf.slice(end + 4 + len);
          if (++done === requests) { sock.end(); resolve(); return; }
          sock.write(REQUEST);
        }
      });
      sock.on('error', reject);
    });
  }

  const t0 = now(), c0 = cpuNow();
  const all = [];
  for (let i = 0; i < clients; i++) all.push(client());
  await Promise.all(all);
  const dt = now() - t0, cpu = cpuNow() - c0;
  server.close();
  const n = clients * requests;
  return { n, seconds: dt, req_per_s: n / dt, cpu_seconds: cpu };
}

// ---- main ----------------------------------------------------------------------------------
const WORKLOADS = { spawn, switch: switchWorkload, timers, memory, http };

async function main() {
  const argv = process.argv.slice(2);
  const name = argv[0];
  if (!(name in WORKLOADS)) {
    console.error(`usage: node_peer.js {${Object.keys(WORKLOADS).join('|')}} [--repeat N] [--budget SECONDS]`);
    process.exit(2);
  }
  const ri = argv.indexOf('--repeat');
  const repeat = ri >= 0 ? Number(argv[ri + 1]) : 1;
  // --budget S: no further run once the runs so far took S seconds (at least one run).
  const bi = argv.indexOf('--budget');
  const budget = bi >= 0 ? Number(argv[bi + 1]) : Infinity;
  const started = now();
  for (let i = 0; i < repeat; i++) {
    if (now() - started > budget) break;
    emit(name, await WORKLOADS[name]());
    if (global.gc) global.gc();
  }
}

main().then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });
