import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { RiskAssessmentView, RiskQuestionnaire } from '@contract/wealth-schemas';
import { useState } from 'react';
import { InfoRow } from '@/components/InfoRow';
import { ResultCard } from '@/components/ResultPage';
import { RemoteStatus } from '@/components/Status';
import { SubmitActions } from '@/components/SubmitButton';
import { useRemote } from '@/hooks/useRemote';
import { useSubmit } from '@/hooks/useSubmit';
import { goTo, PAGES } from '@/lib/nav';
import { getRiskQuestionnaire, submitRiskAssessment } from '../../api';
import '../../wealth.css';

function Outcome({ result }: { result: RiskAssessmentView }) {
  return (
    <View className='page'>
      <ResultCard message='评估完成' figure={{ value: result.levelLabel, id: 'risk-level' }}>
        <InfoRow label='可购买产品' value={`${result.maxRiskLevel} 及以下`} />
        <InfoRow label='评估日期' value={result.assessedOn} />
        <InfoRow label='有效期至' value={result.validThrough} id='risk-valid-through' />
      </ResultCard>
      <View className='actions'>
        <Button
          id='questionnaire-done'
          className='btn btn--primary'
          onClick={() => (Taro.getCurrentPages().length > 1 ? void Taro.navigateBack() : goTo(PAGES.wealth))}
        >
          完成
        </Button>
      </View>
    </View>
  );
}

/** One question a screen, with its place in the questionnaire: an answer moves on to the next
 *  question; 上一题 goes back with the answer kept; the last one submits. */
function Form({ questionnaire, onDone }: { questionnaire: RiskQuestionnaire; onDone: (result: RiskAssessmentView) => void }) {
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const [index, setIndex] = useState(0);
  const { busy, error, run } = useSubmit();
  const { questions } = questionnaire;
  const question = questions[index]!;
  const last = index === questions.length - 1;
  const complete = questions.every((each) => chosen[each.questionId] !== undefined);
  const previous = index > 0 && (
    <Button id='question-previous' className='btn btn--ghost' onClick={() => setIndex(index - 1)}>
      上一题
    </Button>
  );

  function choose(optionId: string) {
    setChosen({ ...chosen, [question.questionId]: optionId });
    if (!last) setIndex(index + 1);
  }

  async function handleSubmit() {
    const result = await run(() =>
      submitRiskAssessment({
        questionnaireVersion: questionnaire.questionnaireVersion,
        answers: questions.map((each) => ({ questionId: each.questionId, optionId: chosen[each.questionId]! })),
      }),
    );
    if (result) onDone(result);
  }

  return (
    <View className='page'>
      <View className='card'>
        <View className='question__progress'>
          <Text id='question-progress' className='question__count'>
            第 {index + 1}/{questions.length} 题
          </Text>
          <View className='progress' aria-hidden='true'>
            <View className='progress__bar' style={{ width: `${((index + 1) * 100) / questions.length}%` }} />
          </View>
        </View>
        <Text id='question-text' className='question__text'>
          {question.text}
        </Text>
        {question.options.map((option) => (
          <View
            key={option.optionId}
            id={`answer-${option.optionId}`}
            role='radio'
            aria-checked={chosen[question.questionId] === option.optionId}
            className={chosen[question.questionId] === option.optionId ? 'answer answer--selected' : 'answer'}
            onClick={() => choose(option.optionId)}
          >
            <Text>{option.text}</Text>
          </View>
        ))}
      </View>
      <Text className='hint'>请根据实际情况作答。评估结果有效期 {questionnaire.validityMonths} 个月，决定您可购买的产品风险等级。</Text>
      {last && complete ? (
        <SubmitActions id='questionnaire-submit' busy={busy} error={error} onClick={handleSubmit} extra={previous}>
          提交评估
        </SubmitActions>
      ) : (
        index > 0 && <View className='actions'>{previous}</View>
      )}
    </View>
  );
}

export default function QuestionnairePage() {
  const { remote, reload } = useRemote(getRiskQuestionnaire);
  const [result, setResult] = useState<RiskAssessmentView | null>(null);
  if (result) return <Outcome result={result} />;
  if (remote.status !== 'ready') return <RemoteStatus remote={remote} onRetry={reload} />;
  return <Form questionnaire={remote.data} onDone={setResult} />;
}
