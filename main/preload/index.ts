import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_KEY } from '../../shared/contract/bridge';
import { createBridge } from './bridge';

// The page gets window.kept (invoke + subscribe) and nothing else from Electron.
contextBridge.exposeInMainWorld(BRIDGE_KEY, createBridge(ipcRenderer));
