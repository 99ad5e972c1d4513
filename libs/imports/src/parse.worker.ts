import { parentPort } from 'node:worker_threads';
import { parseFile, ParseRequest } from './parse-file';

// Entry of the thread that parses one imported file (see FileParser): one request, then done.
parentPort?.once('message', (request: ParseRequest) => {
  void parseFile(request, (message) => parentPort?.postMessage(message));
});
