// Ink's devtools (loaded only when DEV=true) reach for ws; the bundle has no devtools.
export default class WebSocket {}
