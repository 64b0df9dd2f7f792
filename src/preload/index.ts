// Preload: exposes window.fashen (built from the Api contract), nothing else.
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge';

contextBridge.exposeInMainWorld('fashen', createBridge(ipcRenderer));
