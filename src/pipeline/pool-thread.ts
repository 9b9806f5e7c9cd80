/** The worker-thread side of the pool (pool.ts): one task at a time, answered with JSON text. */
import { parentPort } from 'node:worker_threads';
import { encodeLayers, encodeStory, unpackArticle } from '../store/codec.ts';
import { buildStory } from './analyze.ts';
import type { PoolReply, PoolTask } from './pool.ts';
import { prepareArticle } from './prepare.ts';

parentPort?.on('message', (message: PoolTask & { task: number }) => {
  let reply: PoolReply;
  try {
    // Encoded here, in parallel, rather than on the thread that writes it to the database.
    if (message.kind === 'prepare') {
      const article = prepareArticle(message.doc, { id: message.id });
      reply = {
        task: message.task,
        json: JSON.stringify(article),
        ...(message.layers ? { layers: encodeLayers(article) } : {}),
      };
    } else {
      const articles = message.articles.map(unpackArticle);
      const story = encodeStory(buildStory(message.group, articles, message.duplicates));
      reply = { task: message.task, json: JSON.stringify(story) };
    }
  } catch (error) {
    reply = { task: message.task, error: (error as Error).message };
  }
  parentPort?.postMessage(reply);
});
