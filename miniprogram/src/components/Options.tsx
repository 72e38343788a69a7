import { Text, View } from '@tarojs/components';

export interface Option<V extends string | number> {
  value: V;
  label: string;
}

interface OptionsProps<V extends string | number> {
  /** Each option gets the id `<idPrefix>-<value>`. */
  idPrefix: string;
  label: string;
  options: readonly Option<V>[];
  selected: V | null;
  onSelect: (value: V) => void;
}

/** One choice out of a few, as tappable chips (term, method, purpose…). */
export function Options<V extends string | number>({
  idPrefix,
  label,
  options,
  selected,
  onSelect,
}: OptionsProps<V>) {
  return (
    <View className='choice'>
      <Text className='choice__label'>{label}</Text>
      <View className='chips'>
        {options.map((option) => (
          <View
            key={option.value}
            id={`${idPrefix}-${option.value}`}
            className={option.value === selected ? 'chip chip--selected' : 'chip'}
            onClick={() => onSelect(option.value)}
          >
            <Text>{option.label}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}
