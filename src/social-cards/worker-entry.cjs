/*
 * The file the card pool's threads load. Piscina loads a worker with
 * require() before it tries import(), and Node 24's require() of an ES
 * module (worker.ts) once aborted a whole build with a failed assertion in
 * CreateRequiredModuleFacade. A CommonJS entry that imports the worker
 * keeps every thread on the ES module loader.
 */
module.exports = async function drawCardInWorker(task) {
  const worker = await import("./worker.ts");
  return worker.default(task);
};
