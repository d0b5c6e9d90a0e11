/** A short Chinese name for a session's device from its User-Agent (browser · system), for the sessions list. */
export function deviceName(userAgent: string | null): string {
  if (!userAgent) return '未知设备';
  const ua = userAgent;
  const browser = /MicroMessenger\//.test(ua)
    ? '微信'
    : /Edg(e|A|iOS)?\//.test(ua)
      ? 'Edge'
      : /Firefox\/|FxiOS\//.test(ua)
        ? 'Firefox'
        : /Chrome\/|Chromium\/|CriOS\//.test(ua)
          ? 'Chrome'
          : /Safari\//.test(ua)
            ? 'Safari'
            : /^(curl|python|node|axios|okhttp|Go-http-client|Java|PostmanRuntime)/i.test(ua)
              ? '程序接口'
              : '其他客户端';
  const system = /Windows/.test(ua)
    ? 'Windows'
    : /iPhone|iPad|iPod/.test(ua)
      ? 'iOS'
      : /Android/.test(ua)
        ? 'Android'
        : /Mac OS X|Macintosh/.test(ua)
          ? 'macOS'
          : /HarmonyOS|OpenHarmony/.test(ua)
            ? '鸿蒙'
            : /Linux|X11/.test(ua)
              ? 'Linux'
              : null;
  return system ? `${browser} · ${system}` : browser;
}
