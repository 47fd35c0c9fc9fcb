/**
 * Two short tones (880 Hz then 660 Hz, 0.18 s each) made with Web Audio: no sound file to
 * download, nothing to cache. Each tone fades in and out over a few ms so it does not click.
 */
export function beep(ctx: AudioContext, volume = 0.25): void {
  const t0 = ctx.currentTime + 0.01;
  for (const [i, freq] of [880, 660].entries()) {
    const start = t0 + i * 0.22;
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = 'sine';
    osc.frequency.value = freq;
    gain.gain.setValueAtTime(0, start);
    gain.gain.linearRampToValueAtTime(volume, start + 0.015);
    gain.gain.setValueAtTime(volume, start + 0.16);
    gain.gain.linearRampToValueAtTime(0, start + 0.18);
    osc.connect(gain).connect(ctx.destination);
    osc.start(start);
    osc.stop(start + 0.2);
    osc.onended = () => gain.disconnect();
  }
}
