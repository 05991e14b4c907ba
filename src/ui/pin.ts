/** Groups a PIN for reading aloud: `482913` → `482 913`, `AB12CD34` → `AB12 CD34`. */
export function groupPin(pin: string): string {
  const size = pin.length % 3 === 0 ? 3 : pin.length % 4 === 0 ? 4 : 3;
  return pin.replace(new RegExp(`(.{${size}})(?=.)`, 'g'), '$1 ');
}
